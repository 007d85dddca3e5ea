package dev.ftscout.rules.cext;

import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.cext.ModuleFact;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.List;

/**
 * FT201: an extension module that does not declare it can run without the GIL. On a free-threaded
 * build, importing it turns the GIL back on for the whole process.
 */
public final class MissingGilDeclaration implements ExtensionRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT201",
          "missing-gil-declaration",
          Severity.ERROR,
          "Extension module does not declare that it can run without the GIL",
          "Declare GIL-free support the way the binding offers it (Py_mod_gil slot,"
              + " PyUnstable_Module_SetGIL, freethreading_compatible, py::mod_gil_not_used(),"
              + " FREE_THREADED, gil_used = false, --freethreading-compatible) once the module is"
              + " thread-safe.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#module-initialization",
              "https://docs.python.org/3/c-api/module.html#c.Py_mod_gil",
              "https://cython.readthedocs.io/en/latest/src/userguide/freethreading.html",
              "https://github.com/pybind/pybind11/pull/5148",
              "https://nanobind.readthedocs.io/en/latest/free_threaded.html",
              "https://pyo3.rs/latest/free-threading.html",
              "https://pyo3.rs/latest/migration.html",
              "https://numpy.org/doc/stable/f2py/usage.html"),
          RuleInfo.Precision.HIGH,
          List.of("free-threading", "extension", "import"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ExtensionProject project, FindingSink out) {
    for (ModuleFact fact : project.modules()) {
      ExtensionModule m = fact.module();
      if (m.declaration() == GilDeclaration.YES) {
        continue;
      }
      String what = m.binding().label() + " module '" + m.name() + "'";
      String message =
          m.declaration() == GilDeclaration.CONDITIONAL
              ? what + " declares GIL-free support only conditionally: " + m.evidence()
              : what
                  + " does not declare GIL-free support, so importing it re-enables the GIL: "
                  + m.evidence();
      out.report(
          INFO,
          fact.sitePath(),
          fact.siteLine(),
          fact.siteColumn(),
          project.line(fact.sitePath(), fact.siteLine()).strip().length(),
          message,
          fix(m));
    }
  }

  private static String fix(ExtensionModule m) {
    return switch (m.binding()) {
      case C_MULTI_PHASE ->
          "Add {Py_mod_gil, Py_MOD_GIL_NOT_USED} to the module's PyModuleDef_Slot array (inside"
              + " #if PY_VERSION_HEX >= 0x030D0000 for older Pythons) once the module is"
              + " thread-safe";
      case C_SINGLE_PHASE ->
          "After PyModule_Create, call PyUnstable_Module_SetGIL(module, Py_MOD_GIL_NOT_USED) inside"
              + " #ifdef Py_GIL_DISABLED once the module is thread-safe";
      case CYTHON ->
          "Start the .pyx with '# cython: freethreading_compatible = True' (Cython 3.1+), or set"
              + " freethreading_compatible=True in compiler_directives / cython_args, once the"
              + " module is thread-safe";
      case PYBIND11 ->
          "Pass py::mod_gil_not_used() to PYBIND11_MODULE (pybind11 2.13+) once the module is"
              + " thread-safe";
      case NANOBIND ->
          "Add the FREE_THREADED option to nanobind_add_module(...) once the module is thread-safe";
      case PYO3 ->
          m.evidence().contains("cannot declare") || m.evidence().contains("predates")
              ? "Upgrade PyO3 to 0.23 or later and write #[pymodule(gil_used = false)] once the"
                  + " module is thread-safe"
              : "Write #[pymodule(gil_used = false)] (the default from PyO3 0.28) once the module"
                  + " is thread-safe";
      case F2PY ->
          "Pass --freethreading-compatible to f2py (numpy 2.1+) once the wrapped code is"
              + " thread-safe";
    };
  }
}
