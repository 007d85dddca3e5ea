package dev.ftscout.rules.cext;

import dev.ftscout.cext.CVariable;
import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.cext.Truth;
import dev.ftscout.cext.VariableWrite;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * FT204: a write to a static-storage C variable (a file-scope global or a function-local {@code
 * static}) from code that can run on several threads, with no lock, atomic type or thread-local
 * storage. Caches, counters and lazily initialised pointers were protected by the GIL.
 */
public final class UnsynchronizedStaticWrite implements ExtensionRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT204",
          "unsynchronized-static-write",
          Severity.WARNING,
          "Static C variable written without a lock, atomic or thread-local storage",
          "Protect the variable with a PyMutex (PyMutex_Lock/PyMutex_Unlock), make it atomic"
              + " (_Atomic, std::atomic, _Py_atomic_*), make it thread-local (_Thread_local,"
              + " thread_local), or move it into module state; writes during module"
              + " initialisation are fine.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#protecting-internal-extension-state",
              "https://docs.python.org/3/c-api/init.html#c.PyMutex",
              "https://peps.python.org/pep-0703/"),
          RuleInfo.Precision.MEDIUM,
          List.of("free-threading", "extension", "race"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ExtensionProject project, FindingSink out) {
    Set<String> reported = new HashSet<>();
    for (VariableWrite w : project.writes()) {
      CVariable v = w.variable();
      if (v.isConst()
          || v.threadLocal()
          || v.synchronised()
          || w.inInit()
          || w.lockHeld()
          || w.criticalSection()
          || w.condition().truth() == Truth.NEVER
          || v.condition().truth() == Truth.NEVER) {
        continue;
      }
      // One finding per variable and function: the fix is per variable, and generated code
      // (f2c keeps every local static) would otherwise drown the report.
      if (!reported.add(w.path() + "#" + w.function() + "#" + v.name() + "#" + v.line())) {
        continue;
      }
      String kind = v.function().isPresent() ? "function-local static" : "static-storage global";
      out.report(
          INFO,
          w.path(),
          w.line(),
          w.column(),
          v.name().length(),
          "'"
              + v.name()
              + "' is a "
              + kind
              + " written in "
              + w.function()
              + "() without a lock, atomic or thread-local storage; threads race on it without"
              + " the GIL",
          "Guard the write with a PyMutex, make '"
              + v.name()
              + "' _Atomic/std::atomic or _Thread_local, or move it into module state");
    }
  }
}
