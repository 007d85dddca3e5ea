package dev.ftscout.rules.python;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.python.tree.BoolOperator;
import dev.ftscout.python.tree.CmpOperator;
import dev.ftscout.python.tree.ExceptHandler;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Located;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.UnaryOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FT102: check-then-act on state every thread reaches, without a lock: {@code if k not in cache:
 * cache[k] = ...}, the same with an early return or {@code try/except KeyError}, test-then-delete,
 * and lazy singletons ({@code if _inst is None: _inst = ...}). The test and the action are two
 * steps; without the GIL another thread acts in between.
 */
public final class CheckThenAct implements PythonRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT102",
          "check-then-act",
          Severity.WARNING,
          "Shared container or lazy global tested and then changed without a lock",
          "Make it one atomic step (dict.setdefault, dict.pop(key, None)), hold one threading.Lock"
              + " around the test and the change, create the value at import time, or use"
              + " functools.cache on a factory.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-python.html#thread-safety",
              "https://py-free-threading.github.io/porting/",
              "https://docs.python.org/3/library/stdtypes.html#dict.setdefault"),
          RuleInfo.Precision.HIGH,
          List.of("free-threading", "python", "race"));

  private static final Set<String> CACHED =
      Set.of(
          "functools.lru_cache",
          "functools.cache",
          "functools.cached_property",
          "lru_cache",
          "cache",
          "cached_property");
  private static final Set<String> INSERTERS = Set.of("append", "add", "appendleft", "insert");
  private static final Set<String> REMOVERS = Set.of("remove", "pop");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void subscribe(Checks checks) {
    checks.on(Statement.If.class, this::ifStatement);
    checks.on(Statement.Try.class, (t, fs) -> eafp(t.body(), t.handlers(), fs));
    checks.on(Statement.Assign.class, this::orAssign);
  }

  /** What an {@code if} test looks at. */
  private enum Test {
    /** {@code k in c}, {@code c.get(k)}: whether a key or item is there. */
    MEMBERSHIP,
    /** {@code x is None}, {@code not x}: whether a lazy value exists yet. */
    UNSET
  }

  private record Checked(
      Test test, SharedState state, Expression place, Optional<Expression> key) {}

  private boolean skip(FileScan fs) {
    return !fs.inFunction() || fs.inImportTimeFunction() || fs.functionDecorated(CACHED);
  }

  private void ifStatement(Statement.If s, FileScan fs) {
    if (skip(fs)) {
      return;
    }
    List<Checked> checks = new ArrayList<>();
    boolean viaLocals =
        writesItem(s.body())
            || writesItem(s.orelse())
            || (exits(s.body()) && writesItem(siblingsAfter(s, fs)));
    tests(s.test(), fs, checks, viaLocals);
    for (Checked c : checks) {
      Optional<Located> act = action(c, s.body(), fs);
      if (act.isEmpty()) {
        act = action(c, s.orelse(), fs);
      }
      if (act.isEmpty() && c.test() == Test.MEMBERSHIP && exits(s.body())) {
        act = action(c, siblingsAfter(s, fs), fs);
      }
      if (act.isPresent() && !fs.guarded()) {
        report(c, act.get(), fs);
        return;
      }
    }
  }

  private void report(Checked c, Located act, FileScan fs) {
    String name = c.state().name();
    if (c.test() == Test.UNSET) {
      fs.report(
          INFO,
          act,
          Exposure.THREADS,
          Severity.WARNING,
          "lazy initialisation of "
              + c.state().label()
              + " without a lock: two threads can both see it unset and both create it",
          "Create "
              + name
              + " at import time, or hold a threading.Lock around the test and the"
              + " assignment (test again inside the lock), or build it in a functools.cache"
              + " factory");
      return;
    }
    boolean removes = isRemoval(act);
    fs.report(
        INFO,
        act,
        Exposure.THREADS,
        Severity.WARNING,
        removes
            ? c.state().label()
                + " is tested for a key and then changed: another thread can remove the key in"
                + " between, and this removal raises"
            : c.state().label()
                + " is tested for a key and then written: two threads can both find it missing"
                + " and both write (duplicate work, lost entries)",
        removes
            ? "Remove in one step ("
                + name
                + ".pop(key, None)), or hold a threading.Lock around"
                + " the test and the removal"
            : "Insert in one step ("
                + name
                + ".setdefault(key, value)), or hold a threading.Lock"
                + " around the test and the write, or use functools.lru_cache");
  }

  private static boolean isRemoval(Located act) {
    return act instanceof Statement.Delete || Exprs.methodCall((Node) act, REMOVERS).isPresent();
  }

  /** Collects what the test of an {@code if} checks about shared state. */
  private static void tests(Expression test, FileScan fs, List<Checked> out, boolean viaLocals) {
    switch (test) {
      case Expression.BoolOp b -> b.values().forEach(v -> tests(v, fs, out, viaLocals));
      case Expression.UnaryOp u when u.op() == UnaryOperator.NOT ->
          tests(u.operand(), fs, out, viaLocals);
      case Expression.Compare c when c.ops().size() == 1 -> {
        CmpOperator op = c.ops().get(0);
        Expression right = c.comparators().get(0);
        if (op == CmpOperator.IN || op == CmpOperator.NOT_IN) {
          container(right, fs)
              .ifPresent(
                  st -> out.add(new Checked(Test.MEMBERSHIP, st, right, Optional.of(c.left()))));
        } else if ((op == CmpOperator.IS
                || op == CmpOperator.IS_NOT
                || op == CmpOperator.EQ
                || op == CmpOperator.NOT_EQ)
            && Exprs.isNone(right)) {
          subject(c.left(), fs, out, viaLocals);
        }
      }
      default -> subject(test, fs, out, viaLocals);
    }
  }

  /**
   * Whether a block assigns an item ({@code x[k] = ...}) anywhere: the only act a local test leads
   * to.
   */
  private static boolean writesItem(List<Statement> body) {
    boolean[] found = {false};
    Walk.statements(
        body,
        st -> {
          if (st instanceof Statement.Assign a
              && a.targets().stream().anyMatch(t -> t instanceof Expression.Subscript)) {
            found[0] = true;
          }
        });
    return found[0];
  }

  /**
   * {@code x} tested for None or truth: a shared value, a {@code c.get(k)}, or a local from one.
   */
  private static void subject(Expression e, FileScan fs, List<Checked> out, boolean viaLocals) {
    Optional<Checked> got = getCall(e, fs);
    if (got.isPresent()) {
      out.add(got.get());
      return;
    }
    if (e instanceof Expression.Name n && !fs.scope().isModuleGlobal(n.id())) {
      if (viaLocals) {
        List<Statement> body =
            fs.function().map(Statement.FunctionDefinition::body).orElse(List.of());
        for (Expression v : fs.bindings(n.id(), body)) {
          getCall(v, fs).ifPresent(out::add);
        }
      }
      if (!fs.scope().symbol(n.id()).map(x -> x.isDeclaredGlobal()).orElse(false)) {
        return;
      }
    }
    if (e instanceof Expression.Name || e instanceof Expression.Attribute) {
      SharedState.of(e, fs)
          .filter(st -> !st.kind().safe() && st.kind() != ValueKind.MUTABLE)
          .ifPresent(st -> out.add(new Checked(Test.UNSET, st, e, Optional.empty())));
    }
  }

  private static Optional<Checked> getCall(Expression e, FileScan fs) {
    if (e instanceof Expression.Call c
        && c.func() instanceof Expression.Attribute a
        && a.attr().equals("get")
        && !c.args().isEmpty()) {
      return container(a.value(), fs)
          .map(st -> new Checked(Test.MEMBERSHIP, st, a.value(), Optional.of(c.args().get(0))));
    }
    return Optional.empty();
  }

  private static Optional<SharedState> container(Expression e, FileScan fs) {
    return SharedState.of(e, fs).filter(SharedState::container);
  }

  /** The first statement or call in {@code body} that acts on what {@code c} tested. */
  private static Optional<Located> action(Checked c, List<Statement> body, FileScan fs) {
    Located[] found = {null};
    Walk.statements(
        body,
        st -> !fs.locks(st),
        st -> {
          if (found[0] != null) {
            return;
          }
          switch (st) {
            case Statement.Assign a -> {
              for (Expression t : a.targets()) {
                if (acts(c, t)) {
                  found[0] = a;
                  return;
                }
              }
            }
            case Statement.Delete d -> {
              if (c.test() == Test.MEMBERSHIP && d.targets().stream().anyMatch(t -> keyed(c, t))) {
                found[0] = d;
                return;
              }
            }
            default -> {}
          }
          if (c.test() == Test.MEMBERSHIP
              && (st instanceof Statement.Expr || st instanceof Statement.Return)) {
            Walk.sameFrame(
                st,
                n -> {
                  if (found[0] == null && n instanceof Expression.Call call && calls(c, call)) {
                    found[0] = call;
                  }
                });
          }
        });
    return Optional.ofNullable(found[0]);
  }

  private static boolean acts(Checked c, Expression target) {
    return switch (c.test()) {
      case UNSET -> Exprs.same(target, c.place());
      case MEMBERSHIP -> keyed(c, target);
    };
  }

  /** {@code place[key]} for the tested container and key. */
  private static boolean keyed(Checked c, Expression target) {
    return target instanceof Expression.Subscript s
        && Exprs.same(s.value(), c.place())
        && c.key().map(k -> Exprs.same(k, s.slice())).orElse(true);
  }

  /** {@code place.append(key)}, {@code place.remove(key)}, {@code place.pop(key)} (no default). */
  private static boolean calls(Checked c, Expression.Call call) {
    Optional<Expression> receiver = Exprs.methodCall(call, INSERTERS);
    boolean removal = false;
    if (receiver.isEmpty()) {
      receiver = Exprs.methodCall(call, REMOVERS);
      removal = true;
    }
    if (receiver.isEmpty() || !Exprs.same(receiver.get(), c.place()) || call.args().isEmpty()) {
      return false;
    }
    if (removal && call.args().size() > 1) {
      return false;
    }
    Expression item = call.args().get(call.args().size() - 1);
    return c.key().map(k -> Exprs.same(k, item)).orElse(false);
  }

  private static boolean exits(List<Statement> body) {
    if (body.isEmpty()) {
      return false;
    }
    Statement last = body.get(body.size() - 1);
    return last instanceof Statement.Return
        || last instanceof Statement.Raise
        || last instanceof Statement.Continue
        || last instanceof Statement.Break;
  }

  /** The statements after {@code s} in the block that holds it. */
  // Identity, not equality: a block can hold two statements that are written the same way.
  @SuppressWarnings("ReferenceEquality")
  private static List<Statement> siblingsAfter(Statement s, FileScan fs) {
    Optional<Node> parent = fs.context().parent();
    if (parent.isEmpty()) {
      return List.of();
    }
    List<List<Statement>> blocks =
        switch (parent.get()) {
          case Statement.FunctionDefinition f -> List.of(f.body());
          case Statement.If i -> List.of(i.body(), i.orelse());
          case Statement.For f -> List.of(f.body(), f.orelse());
          case Statement.AsyncFor f -> List.of(f.body(), f.orelse());
          case Statement.While w -> List.of(w.body(), w.orelse());
          case Statement.With w -> List.of(w.body());
          case Statement.AsyncWith w -> List.of(w.body());
          case Statement.Try t -> List.of(t.body(), t.orelse(), t.finalbody());
          case ExceptHandler h -> List.of(h.body());
          default -> List.of();
        };
    for (List<Statement> block : blocks) {
      for (int i = 0; i < block.size(); i++) {
        if (block.get(i) == s) {
          return block.subList(i + 1, block.size());
        }
      }
    }
    return List.of();
  }

  /** {@code try: v = c[k] except KeyError: c[k] = ...}. */
  private void eafp(List<Statement> body, List<ExceptHandler> handlers, FileScan fs) {
    if (skip(fs) || handlers.stream().noneMatch(CheckThenAct::catchesKeyError)) {
      return;
    }
    List<Checked> reads = new ArrayList<>();
    for (Statement st : body) {
      Walk.sameFrame(
          st,
          n -> {
            if (n instanceof Expression.Subscript s) {
              container(s.value(), fs)
                  .ifPresent(state ->
                      reads.add(
                          new Checked(Test.MEMBERSHIP, state, s.value(), Optional.of(s.slice()))));
            }
          });
    }
    for (ExceptHandler h : handlers) {
      if (!catchesKeyError(h)) {
        continue;
      }
      for (Checked c : reads) {
        Optional<Located> act = action(c, h.body(), fs);
        if (act.isPresent() && !(act.get() instanceof Statement.Delete) && !fs.guarded()) {
          report(c, act.get(), fs);
          return;
        }
      }
    }
  }

  private static boolean catchesKeyError(ExceptHandler h) {
    if (h.type().isEmpty()) {
      return false;
    }
    Expression t = h.type().get();
    List<Expression> types = t instanceof Expression.Tuple tuple ? tuple.elts() : List.of(t);
    return types.stream()
        .anyMatch(x ->
            x instanceof Expression.Name n
                && (n.id().equals("KeyError") || n.id().equals("LookupError")));
  }

  /** {@code global x; x = x or make()}. */
  private void orAssign(Statement.Assign a, FileScan fs) {
    if (skip(fs) || a.targets().size() != 1) {
      return;
    }
    Expression target = a.targets().get(0);
    if (a.value() instanceof Expression.BoolOp b
        && b.op() == BoolOperator.OR
        && Exprs.same(b.values().get(0), target)) {
      Optional<SharedState> st = SharedState.of(target, fs).filter(s -> !s.kind().safe());
      if (st.isPresent() && !fs.guarded()) {
        report(new Checked(Test.UNSET, st.get(), target, Optional.empty()), a, fs);
      }
    }
  }
}
