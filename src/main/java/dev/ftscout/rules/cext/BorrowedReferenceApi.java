package dev.ftscout.rules.cext;

import dev.ftscout.cext.CCall;
import dev.ftscout.cext.CFile;
import dev.ftscout.cext.CythonFile;
import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.cext.Truth;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * FT202: a C-API call that returns a borrowed reference into a container another thread may change,
 * so the object can be freed while it is used. Each API has a strong-reference replacement.
 */
public final class BorrowedReferenceApi implements ExtensionRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT202",
          "borrowed-reference-api",
          Severity.WARNING,
          "C-API call returns a borrowed reference that another thread can invalidate",
          "Use the strong-reference replacement (PyDict_GetItemRef, PyDict_GetItemStringRef,"
              + " PyDict_SetDefaultRef, PyList_GetItemRef, PyWeakref_GetRef,"
              + " PyImport_AddModuleRef, PyCell_Get) and release the reference with Py_DECREF;"
              + " pythoncapi-compat provides them for Python before 3.13.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#borrowed-references",
              "https://github.com/python/cpython/blob/main/Doc/data/refcounts.dat",
              "https://github.com/python/pythoncapi-compat"),
          RuleInfo.Precision.MEDIUM,
          List.of("free-threading", "extension", "reference-counting"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ExtensionProject project, FindingSink out) {
    for (CFile file : project.cFiles()) {
      for (CCall call : file.calls()) {
        Optional<BorrowedReferenceApis.Api> api = BorrowedReferenceApis.find(call.name());
        if (api.isEmpty()
            || call.condition().truth() == Truth.NEVER
            || call.criticalSection()
            || (api.get().containerArgument() && Containers.isPrivate(file, call))) {
          continue;
        }
        out.report(
            INFO,
            file.path(),
            call.line(),
            call.column(),
            call.name().length(),
            message(api.get()),
            fix(api.get(), false));
      }
    }
    for (CythonFile file : project.cythonFiles()) {
      for (CythonFile.Call call : file.calls()) {
        Optional<BorrowedReferenceApis.Api> api = BorrowedReferenceApis.find(call.name());
        if (api.isEmpty() || !file.knows(call.name()) || call.criticalSection()) {
          continue;
        }
        out.report(
            INFO,
            file.path(),
            call.line(),
            call.column(),
            call.written().length(),
            message(api.get()),
            fix(api.get(), true));
      }
    }
  }

  private static String message(BorrowedReferenceApis.Api api) {
    return api.api()
        + " returns a borrowed reference; on free-threaded builds another thread can remove the"
        + " object from the "
        + api.family()
        + " and free it while it is in use";
  }

  private static String fix(BorrowedReferenceApis.Api api, boolean cython) {
    String base =
        "Use "
            + api.replacement()
            + ", which returns a strong reference (Python 3.13+, or pythoncapi-compat), and"
            + " Py_DECREF it when done";
    return cython
        ? base + "; declare it in a cdef extern from \"Python.h\" block if your Cython lacks it"
        : base;
  }
}
