package dev.ftscout.rules.python;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.python.tree.ConstantValue;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Keyword;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * FT106: tests that assume how CPython counts references or collects garbage: assertions on {@code
 * sys.getrefcount} (free-threaded builds make many objects immortal and count references per
 * thread, so the numbers differ), and tests that rely on the generational collector ({@code
 * gc.get_count()}, thresholds, collecting one young generation): the free-threaded collector is not
 * generational.
 */
public final class RefcountGcAssumption implements PythonRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT106",
          "refcount-or-gc-assumption",
          Severity.WARNING,
          "Test relies on exact reference counts or on the generational garbage collector",
          "Assert on behaviour instead: use weakref.ref to see that an object was freed, or"
              + " compare sys.getrefcount before and after rather than with a constant; collect"
              + " with a plain gc.collect() and do not test generations or thresholds.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-python.html#immortalization",
              "https://docs.python.org/3/library/sys.html#sys.getrefcount",
              "https://peps.python.org/pep-0703/#garbage-collection-cycle-collection"),
          RuleInfo.Precision.HIGH,
          List.of("free-threading", "python", "tests"));

  private static final Set<String> GENERATIONAL =
      Set.of("gc.get_count", "gc.get_threshold", "gc.set_threshold", "gc.get_stats");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void subscribe(Checks checks) {
    checks.on(Expression.Call.class, this::call);
  }

  private void call(Expression.Call c, FileScan fs) {
    String name = fs.qualified(c.func()).orElse("");
    if (name.equals("sys.getrefcount")) {
      if (asserted(fs)) {
        fs.report(
            INFO,
            c,
            Exposure.FIXED,
            Severity.WARNING,
            "an assertion depends on sys.getrefcount(): free-threaded builds make objects"
                + " immortal and defer reference counts, so the value differs",
            "Check that the object is freed with weakref.ref(obj)() is None after del and"
                + " gc.collect(), or compare counts before and after rather than with a constant");
      }
      return;
    }
    if (!fs.model().testFile()) {
      return;
    }
    if (GENERATIONAL.contains(name) || youngGeneration(c, name)) {
      fs.report(
          INFO,
          c,
          Exposure.FIXED,
          Severity.WARNING,
          name
              + "() assumes the generational garbage collector; the free-threaded collector has"
              + " one generation and other counts",
          "Call gc.collect() without a generation and assert on behaviour (weakref callbacks,"
              + " freed objects), not on collector counts or thresholds");
    }
  }

  /**
   * {@code gc.collect(0)}, {@code gc.collect(generation=1)}, {@code gc.get_objects(generation=0)}.
   */
  private static boolean youngGeneration(Expression.Call c, String name) {
    if (!name.equals("gc.collect") && !name.equals("gc.get_objects")) {
      return false;
    }
    Expression gen = c.args().isEmpty() ? null : c.args().get(0);
    for (Keyword k : c.keywords()) {
      if (k.arg().isPresent() && k.arg().get().equals("generation")) {
        gen = k.value();
      }
    }
    if (gen == null) {
      return false;
    }
    if (name.equals("gc.get_objects")) {
      return true;
    }
    return gen instanceof Expression.Constant k
        && k.value() instanceof ConstantValue.IntValue v
        && v.value().compareTo(BigInteger.TWO) < 0;
  }

  /** Inside an {@code assert}, a comparison, or a {@code self.assert...()} call. */
  private static boolean asserted(FileScan fs) {
    List<Node> ancestors = fs.context().ancestors();
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Node n = ancestors.get(i);
      if (n instanceof Statement.Assert
          || (n instanceof Expression.Compare && fs.model().testFile())) {
        return true;
      }
      if (n instanceof Expression.Call call
          && FileScan.lastName(call.func())
              .toLowerCase(java.util.Locale.ROOT)
              .startsWith("assert")) {
        return true;
      }
      if (n instanceof Statement) {
        return false;
      }
    }
    return false;
  }
}
