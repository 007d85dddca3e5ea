package dev.ftscout.rules.python;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.python.tree.BoolOperator;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FT101: a read-modify-write of state every thread reaches (a module-level name, a class attribute,
 * an item of a module-level container) without a lock: {@code global n; n += 1}, {@code Cls.count
 * += 1}, {@code cache[k] = cache.get(k, 0) + 1}, or an append after a length check. Each step is
 * atomic; the sequence is not, and without the GIL threads interleave inside it.
 */
public final class SharedReadModifyWrite implements PythonRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT101",
          "shared-read-modify-write",
          Severity.WARNING,
          "Module-level or class-level state updated by a read-modify-write without a lock",
          "Hold one threading.Lock around the read and the write (with _lock: counter += 1); for"
              + " counters, keep per-thread tallies and merge them, or use a lock-protected"
              + " helper.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-python.html#thread-safety",
              "https://peps.python.org/pep-0703/#container-thread-safety",
              "https://py-free-threading.github.io/porting/"),
          RuleInfo.Precision.HIGH,
          List.of("free-threading", "python", "race"));

  private static final Set<String> GROWERS =
      Set.of("append", "appendleft", "insert", "extend", "add", "pop", "popleft");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void subscribe(Checks checks) {
    checks.on(Statement.AugAssign.class, this::augmented);
    checks.on(Statement.Assign.class, this::assign);
    checks.on(Statement.If.class, (s, fs) -> lengthCheck(s.test(), s.body(), fs));
    checks.on(Statement.While.class, (s, fs) -> lengthCheck(s.test(), s.body(), fs));
  }

  private void augmented(Statement.AugAssign a, FileScan fs) {
    Optional<Target> t = target(a.target(), fs);
    if (t.isEmpty() || fs.guarded()) {
      return;
    }
    fs.report(
        INFO,
        a,
        Exposure.THREADS,
        Severity.WARNING,
        t.get().label()
            + " is updated with '"
            + a.op().symbol()
            + "=', a read-modify-write that threads interleave without the GIL: updates are lost",
        fix(t.get()));
  }

  private void assign(Statement.Assign a, FileScan fs) {
    if (a.targets().size() != 1) {
      return;
    }
    Expression target = a.targets().get(0);
    Optional<Target> t = target(target, fs);
    if (t.isEmpty()) {
      return;
    }
    // `x = x or make()` is lazy initialisation, FT102's business.
    if (a.value() instanceof Expression.BoolOp b
        && b.op() == BoolOperator.OR
        && Exprs.same(b.values().get(0), target)) {
      return;
    }
    if (!readsSame(a.value(), target) || fs.guarded()) {
      return;
    }
    fs.report(
        INFO,
        a,
        Exposure.THREADS,
        Severity.WARNING,
        t.get().label()
            + " is read and written back in one statement, a read-modify-write that threads"
            + " interleave without the GIL: updates are lost",
        fix(t.get()));
  }

  /** Whether {@code value} reads what {@code target} names: {@code n}, {@code c[k]}, c.get(k). */
  private static boolean readsSame(Expression value, Expression target) {
    return Walk.anyInFrame(
        value,
        n -> {
          if (Exprs.same(n, target)) {
            return true;
          }
          if (target instanceof Expression.Subscript s
              && n instanceof Expression.Call c
              && c.func() instanceof Expression.Attribute a
              && a.attr().equals("get")
              && !c.args().isEmpty()) {
            return Exprs.same(a.value(), s.value()) && Exprs.same(c.args().get(0), s.slice());
          }
          return false;
        });
  }

  private void lengthCheck(Expression test, List<Statement> body, FileScan fs) {
    if (!fs.inFunction() || fs.inImportTimeFunction()) {
      return;
    }
    Walk.sameFrame(
        test,
        n -> {
          if (Exprs.callsName(n, "len") && ((Expression.Call) n).args().size() == 1) {
            Expression container = ((Expression.Call) n).args().get(0);
            SharedState.of(container, fs)
                .filter(SharedState::container)
                .ifPresent(s -> growthAfterCheck(container, s, body, fs));
          }
        });
  }

  private void growthAfterCheck(
      Expression container, SharedState s, List<Statement> body, FileScan fs) {
    Node[] write = {null};
    Walk.statements(
        body,
        st -> !fs.locks(st),
        st -> {
          if (write[0] == null
              && st instanceof Statement.Expr e
              && Exprs.methodCall(e.value(), GROWERS)
                  .filter(r -> Exprs.same(r, container))
                  .isPresent()) {
            write[0] = e.value();
          }
        });
    if (write[0] == null || fs.guarded()) {
      return;
    }
    fs.report(
        INFO,
        (dev.ftscout.python.tree.Located) write[0],
        Exposure.THREADS,
        Severity.WARNING,
        s.label()
            + " is changed after a len() check on it: another thread can change it between the"
            + " check and the change, so the bound is not kept",
        "Hold one threading.Lock around the len() check and the change, or use a"
            + " collections.deque(maxlen=...) or a queue.Queue(maxsize=...) that keeps the bound"
            + " itself");
  }

  /** The shared place an assignment target names, with how messages call it. */
  private record Target(String label, String name) {}

  private static Optional<Target> target(Expression target, FileScan fs) {
    if (!fs.inFunction() || fs.inImportTimeFunction()) {
      return Optional.empty();
    }
    return switch (target) {
      case Expression.Subscript s ->
          SharedState.of(s.value(), fs)
              .filter(SharedState::container)
              .map(st ->
                  new Target(
                      "an item of " + st.label(), st.name() + "[" + Exprs.text(s.slice()) + "]"));
      case Expression.Name n ->
          SharedState.of(n, fs)
              .filter(st -> !st.kind().safe())
              .map(st -> new Target(st.label(), st.name()));
      case Expression.Attribute a ->
          SharedState.of(a, fs)
              .filter(st -> !st.kind().safe())
              .map(st -> new Target(st.label(), st.name()));
      default -> Optional.empty();
    };
  }

  private static String fix(Target t) {
    return "Hold one threading.Lock around the read and the write of "
        + t.name()
        + " (with _lock: ...), or keep the value per thread (threading.local) and combine"
        + " afterwards";
  }
}
