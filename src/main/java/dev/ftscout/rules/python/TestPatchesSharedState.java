package dev.ftscout.rules.python;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.python.scope.Definition;
import dev.ftscout.python.tree.ConstantValue;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.Unparser;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FT105: a test that patches module attributes, the environment, the working directory or {@code
 * sys.path} ({@code unittest.mock.patch}, pytest's {@code monkeypatch}). Tests run concurrently
 * (pytest-run-parallel runs each test in many threads at once) see each other's patches and undo
 * them under each other's feet. Patches of objects the test created itself are fine, and so are
 * tests marked {@code thread_unsafe}, which pytest-run-parallel runs alone.
 */
public final class TestPatchesSharedState implements PythonRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT105",
          "test-patches-shared-state",
          Severity.WARNING,
          "Test patches module-level or process-wide state that concurrently running tests share",
          "Pass the dependency in (a parameter or fixture) instead of patching the module, patch"
              + " an object the test owns, or mark the test @pytest.mark.thread_unsafe so"
              + " pytest-run-parallel runs it alone.",
          List.of(
              "https://github.com/Quansight-Labs/pytest-run-parallel",
              "https://py-free-threading.github.io/testing/",
              "https://docs.python.org/3/library/unittest.mock.html#patch"),
          RuleInfo.Precision.MEDIUM,
          List.of("free-threading", "python", "tests"));

  private static final Set<String> PATCH = Set.of("unittest.mock.patch", "mock.patch");
  private static final List<String> PATCH_SUFFIXES = List.of(".object", ".dict", ".multiple");
  private static final Set<String> ALWAYS_SHARED =
      Set.of("setenv", "delenv", "chdir", "syspath_prepend");
  private static final Set<String> TARGETED = Set.of("setattr", "delattr", "setitem", "delitem");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void subscribe(Checks checks) {
    checks.on(Expression.Call.class, this::call);
  }

  private void call(Expression.Call c, FileScan fs) {
    if (!fs.model().testFile()) {
      return;
    }
    String name = fs.qualified(c.func()).orElse("");
    String base = patchBase(name);
    if (PATCH.contains(base)) {
      boolean byName = base.equals(name);
      Optional<Expression> target = Threads.positional(c, 0);
      if (target.isPresent() && (byName ? isString(target.get()) : shared(target.get(), fs))) {
        report(
            c, "mock." + name.substring(name.indexOf("patch")) + "(" + describe(target) + ")", fs);
      }
      return;
    }
    if (c.func() instanceof Expression.Attribute a
        && a.value() instanceof Expression.Name owner
        && owner.id().equals("monkeypatch")) {
      if (ALWAYS_SHARED.contains(a.attr())) {
        report(c, "monkeypatch." + a.attr() + "()", fs);
      } else if (TARGETED.contains(a.attr())) {
        Optional<Expression> target = Threads.positional(c, 0);
        if (target.isPresent() && (isString(target.get()) || shared(target.get(), fs))) {
          report(c, "monkeypatch." + a.attr() + "(" + describe(target) + ")", fs);
        }
      }
    }
  }

  /**
   * {@code patch.object}, {@code patch.dict} and {@code patch.multiple} without the suffix. A plain
   * suffix test, not a regex: this runs for every call in every test file.
   */
  private static String patchBase(String name) {
    for (String suffix : PATCH_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  private static String describe(Optional<Expression> target) {
    return target.map(Exprs::text).orElse("");
  }

  private static boolean isString(Expression e) {
    return e instanceof Expression.Constant k && k.value() instanceof ConstantValue.StrValue;
  }

  /**
   * Whether a patch target is shared: a module, a module-level class or object (imported or defined
   * here), {@code os.environ}, or an attribute of one; not an object the test made.
   */
  private static boolean shared(Expression target, FileScan fs) {
    Expression root = target;
    while (root instanceof Expression.Attribute a) {
      root = a.value();
    }
    if (!(root instanceof Expression.Name n)) {
      return false;
    }
    Optional<Definition> def = fs.scope().resolve(n.id());
    return def.map(Definition::isModuleLevel).orElse(false);
  }

  private void report(Expression.Call c, String what, FileScan fs) {
    if (threadUnsafeMarked(fs)) {
      return;
    }
    fs.report(
        INFO,
        c,
        Exposure.PARALLEL_TESTS,
        Severity.WARNING,
        what
            + " patches state every test thread shares: tests running at once (pytest-run-parallel,"
            + " free-threaded stress runs) see and undo each other's patches",
        INFO.fix());
  }

  /** {@code @pytest.mark.thread_unsafe} on the test, its class, or the module's pytestmark. */
  private static boolean threadUnsafeMarked(FileScan fs) {
    for (var n : fs.context().ancestors()) {
      List<Expression> decorators =
          switch (n) {
            case Statement.FunctionDefinition f -> f.decoratorList();
            case Statement.ClassDef k -> k.decoratorList();
            default -> List.of();
          };
      for (Expression d : decorators) {
        if (Unparser.unparse(d).contains("thread_unsafe")) {
          return true;
        }
      }
    }
    for (Statement s : fs.model().moduleBody()) {
      if (s instanceof Statement.Assign a
          && a.targets().stream()
              .anyMatch(t -> t instanceof Expression.Name x && x.id().equals("pytestmark"))
          && Unparser.unparse(a.value()).contains("thread_unsafe")) {
        return true;
      }
    }
    return false;
  }
}
