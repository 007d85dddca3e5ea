package dev.ftscout.rules.cext;

import dev.ftscout.cext.CCall;
import dev.ftscout.cext.CFile;
import dev.ftscout.cext.CythonFile;
import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.cext.Truth;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * FT203: iteration with {@code PyDict_Next} or over the item array of {@code PySequence_Fast}
 * outside a critical section. Neither locks the container; another thread can resize it under the
 * loop.
 */
public final class UnlockedContainerIteration implements ExtensionRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT203",
          "unlocked-container-iteration",
          Severity.WARNING,
          "Container iteration outside a critical section",
          "Wrap the iteration in Py_BEGIN_CRITICAL_SECTION(container) ..."
              + " Py_END_CRITICAL_SECTION() (no-ops on GIL builds), or in Cython in"
              + " 'with cython.critical_section(container):'.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#pydict-next",
              "https://docs.python.org/3/howto/free-threading-extensions.html#general-api-guidelines",
              "https://docs.python.org/3/c-api/init.html#python-critical-section-api"),
          RuleInfo.Precision.MEDIUM,
          List.of("free-threading", "extension", "race"));

  private static final Set<String> ITERATION =
      Set.of("PyDict_Next", "PySequence_Fast_ITEMS", "PySequence_Fast_GET_ITEM");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ExtensionProject project, FindingSink out) {
    for (CFile file : project.cFiles()) {
      for (CCall call : file.calls()) {
        if (!ITERATION.contains(call.name())
            || call.condition().truth() == Truth.NEVER
            || call.criticalSection()
            || Containers.isPrivate(file, call)) {
          continue;
        }
        String container = Containers.firstVariable(file, call).orElse("container");
        out.report(
            INFO,
            file.path(),
            call.line(),
            call.column(),
            call.name().length(),
            message(call.name()),
            "Hold Py_BEGIN_CRITICAL_SECTION("
                + container
                + ") ... Py_END_CRITICAL_SECTION() around the whole loop");
      }
    }
    for (CythonFile file : project.cythonFiles()) {
      for (CythonFile.Call call : file.calls()) {
        if (!call.name().equals("PyDict_Next")
            || !file.knows(call.name())
            || call.criticalSection()) {
          continue;
        }
        String container = call.firstArgument().isEmpty() ? "container" : call.firstArgument();
        out.report(
            INFO,
            file.path(),
            call.line(),
            call.column(),
            call.written().length(),
            message(call.name()),
            "Put the loop inside 'with cython.critical_section(" + container + "):' (Cython 3.1+)");
      }
    }
  }

  private static String message(String api) {
    return api.equals("PyDict_Next")
        ? "PyDict_Next does not lock the dict; on free-threaded builds another thread can change it"
            + " during the loop"
        : api
            + " reads the items of a list without locking it; on free-threaded builds another"
            + " thread can resize the list while they are used";
  }
}
