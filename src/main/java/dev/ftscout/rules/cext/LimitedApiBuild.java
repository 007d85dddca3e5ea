package dev.ftscout.rules.cext;

import dev.ftscout.cext.BuildFact;
import dev.ftscout.cext.BuildFile;
import dev.ftscout.cext.CFile;
import dev.ftscout.cext.Directive;
import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.cext.Truth;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.List;

/**
 * FT206: the limited C API (stable ABI) requested for every build, including free-threaded ones.
 * CPython 3.13 and 3.14 free-threaded builds cannot compile against it: {@code Python.h} stops with
 * {@code #error} when both {@code Py_LIMITED_API} and {@code Py_GIL_DISABLED} are defined, and
 * setuptools refuses {@code py_limited_api} there. PEP 803 adds a free-threaded stable ABI ({@code
 * abi3t}) in 3.15.
 */
public final class LimitedApiBuild implements ExtensionRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT206",
          "limited-api-build",
          Severity.ERROR,
          "Limited C API requested for builds that include free-threaded ones",
          "Request the limited API only for GIL builds (for example"
              + " py_limited_api=not sysconfig.get_config_var('Py_GIL_DISABLED'), or"
              + " #define Py_LIMITED_API after checking Py_GIL_DISABLED from pyconfig.h), or"
              + " target abi3t (Py_TARGET_ABI3T, Python 3.15+).",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#limited-c-api-and-stable-abi",
              "https://github.com/python/cpython/pull/117762",
              "https://peps.python.org/pep-0803/",
              "https://mesonbuild.com/meson-python/how-to-guides/limited-api.html"),
          RuleInfo.Precision.HIGH,
          List.of("free-threading", "extension", "build", "abi"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ExtensionProject project, FindingSink out) {
    for (CFile file : project.cFiles()) {
      boolean abi3t =
          file.directives().stream()
              .anyMatch(
                  d -> d.kind() == Directive.Kind.DEFINE && d.name().equals("Py_TARGET_ABI3T"));
      if (abi3t) {
        continue;
      }
      for (Directive d : file.directives()) {
        if (d.kind() != Directive.Kind.DEFINE
            || !d.name().equals("Py_LIMITED_API")
            || d.condition().truth() == Truth.NEVER) {
          continue;
        }
        boolean earlyCheck = d.condition().describe().contains("Py_GIL_DISABLED");
        String message =
            earlyCheck
                ? "Py_LIMITED_API is defined under a Py_GIL_DISABLED check that runs before"
                    + " pyconfig.h (included by Python.h) defines Py_GIL_DISABLED, so"
                    + " free-threaded builds get the limited API too and fail to compile"
                : "Py_LIMITED_API is defined for every build, but free-threaded CPython 3.13 and"
                    + " 3.14 cannot compile against the limited API (Python.h stops with #error)";
        String fix =
            earlyCheck
                ? "#include <pyconfig.h> before testing Py_GIL_DISABLED, or set Py_LIMITED_API from"
                    + " the build only for GIL builds"
                : "Define Py_LIMITED_API only when Py_GIL_DISABLED is not defined (include"
                    + " pyconfig.h first), or target abi3t with Py_TARGET_ABI3T on 3.15+";
        out.report(
            INFO,
            file.path(),
            d.line(),
            d.column(),
            file.lineText(d.line()).strip().length(),
            message,
            fix);
      }
    }
    for (BuildFile b : project.buildFiles()) {
      if (b.mentionsGilDisabled()) {
        continue;
      }
      for (BuildFact.LimitedApi l : b.facts(BuildFact.LimitedApi.class)) {
        out.report(
            INFO,
            b.path(),
            l.line(),
            l.column(),
            project.line(b.path(), l.line()).strip().length(),
            "The build requests the limited C API ("
                + l.text()
                + ") for every interpreter, but free-threaded CPython 3.13 and 3.14 cannot build"
                + " limited-API extensions",
            fix(b.kind()));
      }
    }
  }

  private static String fix(BuildFile.Kind kind) {
    return switch (kind) {
      case SETUP_PY ->
          "Use py_limited_api=not sysconfig.get_config_var('Py_GIL_DISABLED') and define"
              + " Py_LIMITED_API only in that case";
      case SETUP_CFG ->
          "Drop py_limited_api from [bdist_wheel] and set it in setup.py only when"
              + " sysconfig.get_config_var('Py_GIL_DISABLED') is false";
      case MESON ->
          "Pass limited_api only when py.get_variable('Py_GIL_DISABLED', 0) is 0, or make it"
              + " opt-in as the meson-python guide recommends";
      case PYPROJECT ->
          "Make the limited API opt-in (meson-python: -Csetup-args / config settings) so"
              + " free-threaded builds use the version-specific API";
      default ->
          "Define Py_LIMITED_API only when building for a GIL-enabled interpreter (check"
              + " Py_GIL_DISABLED from sysconfig)";
    };
  }
}
