package dev.ftscout.rules.python;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.python.PythonVersion;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Located;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.WithItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FT104: process-global state changed by code that runs in functions, where threads may run it: the
 * environment, the working directory, the umask, the locale, {@code sys.stdout} (also through
 * {@code contextlib.redirect_stdout}), signal handlers, the recursion limit, the default socket
 * timeout, the decimal context, and warning filters. Every thread sees the change, in the middle of
 * whatever it is doing. A lock in the changing code does not help: the readers (other libraries, C
 * code calling {@code getenv}) do not take it.
 */
public final class ProcessGlobalState implements PythonRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT104",
          "process-global-state",
          Severity.WARNING,
          "Process-global state changed in code that threads may run",
          "Pass the value explicitly instead (env= for subprocesses, cwd=, file= for print,"
              + " decimal.localcontext()), or make the change once at start-up before any thread"
              + " starts.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-python.html#thread-safety",
              "https://docs.python.org/3/library/contextlib.html#contextlib.redirect_stdout",
              "https://docs.python.org/3/library/os.html#os.environ",
              "https://docs.python.org/3/library/warnings.html#concurrent-safety-of-context-managers",
              "https://docs.python.org/3/library/decimal.html#working-with-threads",
              "https://github.com/python/cpython/issues/141148"),
          RuleInfo.Precision.HIGH,
          List.of("free-threading", "python", "global-state"));

  private static final Map<String, String> CALLS =
      Map.ofEntries(
          Map.entry("os.putenv", "changes the process environment"),
          Map.entry("os.unsetenv", "changes the process environment"),
          Map.entry("os.chdir", "changes the working directory of every thread"),
          Map.entry("os.fchdir", "changes the working directory of every thread"),
          Map.entry("os.umask", "changes the file-creation mask of every thread"),
          Map.entry("locale.setlocale", "changes the locale of every thread"),
          Map.entry("contextlib.redirect_stdout", "replaces sys.stdout for every thread"),
          Map.entry("contextlib.redirect_stderr", "replaces sys.stderr for every thread"),
          Map.entry("signal.signal", "installs a process-wide signal handler (main thread only)"),
          Map.entry("sys.setrecursionlimit", "changes the recursion limit of every thread"),
          Map.entry("sys.setswitchinterval", "changes the switch interval of every thread"),
          Map.entry("socket.setdefaulttimeout", "changes the default timeout of every new socket"),
          Map.entry("decimal.setcontext", "replaces the decimal context threads may share"));
  private static final Set<String> ENVIRON_MUTATORS =
      Set.of("update", "pop", "setdefault", "clear", "popitem", "__setitem__", "__delitem__");
  private static final Set<String> WARNING_FILTERS =
      Set.of("warnings.simplefilter", "warnings.filterwarnings", "warnings.resetwarnings");
  private static final Set<String> STREAMS = Set.of("sys.stdout", "sys.stderr", "sys.stdin");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void subscribe(Checks checks) {
    checks.on(Expression.Call.class, this::call);
    checks.on(Statement.Assign.class, (a, fs) -> a.targets().forEach(t -> store(t, a, fs)));
    checks.on(Statement.AugAssign.class, (a, fs) -> store(a.target(), a, fs));
    checks.on(Statement.AnnAssign.class, (a, fs) -> store(a.target(), a, fs));
    checks.on(
        Statement.Delete.class,
        (d, fs) ->
            d.targets()
                .forEach(t -> {
                  if (t instanceof Expression.Subscript s
                      && environ(s.value(), fs)
                      && applies(fs)) {
                    report(d, "deletes from os.environ, which changes the process environment", fs);
                  }
                }));
  }

  /** Code at import time and under {@code if __name__ == "__main__"} runs before threads. */
  private static boolean applies(FileScan fs) {
    if (!fs.inFunction() || fs.inImportTimeFunction() || fs.inMainGuard()) {
      return false;
    }
    String file = fs.path().substring(fs.path().lastIndexOf('/') + 1);
    String function = fs.function().map(Statement.FunctionDefinition::name).orElse("");
    return !file.equals("__main__.py") && !function.equals("main");
  }

  private void call(Expression.Call c, FileScan fs) {
    if (!fs.inFunction()) {
      return;
    }
    String name = fs.qualified(c.func()).orElse("");
    if (!name.contains(".") && !(c.func() instanceof Expression.Attribute)) {
      return;
    }
    if (!applies(fs)) {
      return;
    }
    if (name.equals("warnings.catch_warnings")) {
      warnings(c, "warnings.catch_warnings()", fs);
      return;
    }
    if (WARNING_FILTERS.contains(name)) {
      if (!insideCatchWarnings(fs)) {
        warnings(c, name + "()", fs);
      }
      return;
    }
    if (name.equals("locale.setlocale") && c.args().size() < 2 && c.keywords().isEmpty()) {
      return;
    }
    String what = CALLS.get(name);
    if (what != null) {
      report(c, name + "() " + what, fs);
      return;
    }
    Optional<Expression> receiver = Exprs.methodCall(c, ENVIRON_MUTATORS);
    if (receiver.isPresent() && environ(receiver.get(), fs)) {
      report(c, "os.environ is changed, which changes the process environment", fs);
    }
  }

  private void store(Expression target, Statement at, FileScan fs) {
    if (!fs.inFunction()
        || !(target instanceof Expression.Subscript || target instanceof Expression.Attribute)
        || !applies(fs)) {
      return;
    }
    switch (target) {
      case Expression.Subscript s when environ(s.value(), fs) ->
          report(at, "os.environ is changed, which changes the process environment", fs);
      case Expression.Subscript s when decimalContext(s.value(), fs) ->
          report(at, "the decimal context is changed, which threads may share", fs);
      case Expression.Attribute a -> {
        String q = fs.qualified(a).orElse("");
        if (STREAMS.contains(q)) {
          report(at, q + " is replaced for every thread", fs);
        } else if (q.startsWith("decimal.DefaultContext.") || decimalContext(a.value(), fs)) {
          report(at, "the decimal context is changed, which threads may share", fs);
        }
      }
      default -> {}
    }
  }

  private static boolean environ(Expression e, FileScan fs) {
    return fs.qualified(e).map(q -> q.equals("os.environ")).orElse(false);
  }

  /** {@code decimal.getcontext()}, a local bound to it, or its {@code traps}/{@code flags}. */
  private static boolean decimalContext(Expression e, FileScan fs) {
    return switch (e) {
      case Expression.Call c ->
          fs.qualified(c.func()).map(q -> q.equals("decimal.getcontext")).orElse(false);
      case Expression.Attribute a when a.attr().equals("traps") || a.attr().equals("flags") ->
          decimalContext(a.value(), fs);
      case Expression.Name n when fs.function().isPresent() ->
          // Only calls are followed: `x = x` or `a = b; b = a` would otherwise loop.
          fs.bindings(n.id(), fs.function().get().body()).stream()
              .anyMatch(v -> v instanceof Expression.Call && decimalContext(v, fs));
      default -> false;
    };
  }

  private static boolean insideCatchWarnings(FileScan fs) {
    for (Node n : fs.context().ancestors()) {
      List<WithItem> items =
          switch (n) {
            case Statement.With w -> w.items();
            case Statement.AsyncWith w -> w.items();
            default -> List.of();
          };
      for (WithItem i : items) {
        if (i.contextExpr() instanceof Expression.Call c
            && fs.qualified(c.func()).map(q -> q.equals("warnings.catch_warnings")).orElse(false)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Warning filters: on 3.14 free-threaded builds {@code catch_warnings} keeps its filters in a
   * context variable ({@code sys.flags.context_aware_warnings}), so a project that needs 3.14 or
   * newer only hears about it; older targets get the full severity.
   */
  private void warnings(Expression.Call c, String what, FileScan fs) {
    if (fs.target().atLeast(PythonVersion.PY314)) {
      fs.report(
          INFO,
          c,
          Exposure.FIXED,
          Severity.INFO,
          what
              + " changes the warning filters: safe by default on 3.14t (context-aware"
              + " warnings), process-global on GIL builds and 3.13t",
          "Keep it if the project only runs on 3.14t or newer; otherwise avoid changing warning"
              + " filters in code that threads run (filter once at start-up)");
      return;
    }
    fs.report(
        INFO,
        c,
        Exposure.THREADS,
        Severity.WARNING,
        what
            + " changes the process-global warning filters on 3.13t and GIL builds (the target"
            + " is "
            + fs.target()
            + "): other threads lose or gain filters mid-run",
        "Filter warnings once at start-up; on 3.14t catch_warnings is context-local, so raise"
            + " requires-python to 3.14 only if the project runs nowhere else");
  }

  private void report(Located at, String what, FileScan fs) {
    fs.report(
        INFO,
        at,
        Exposure.THREADS,
        Severity.WARNING,
        what + "; every thread sees the change mid-run",
        INFO.fix());
  }
}
