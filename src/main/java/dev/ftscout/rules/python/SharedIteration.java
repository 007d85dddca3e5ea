package dev.ftscout.rules.python;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.python.tree.Comprehension;
import dev.ftscout.python.tree.ExprContext;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Keyword;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FT103: iteration that threads break. A module-level or class-level container iterated in one
 * function while other functions change it (a dict that changes size during iteration raises; a
 * list skips or repeats items), and one iterator or generator object shared between threads (handed
 * to several threads or pool tasks, or a module-level iterator advanced from functions): iterators
 * are not thread-safe, generators raise "already executing".
 */
public final class SharedIteration implements PythonRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT103",
          "shared-iteration",
          Severity.WARNING,
          "Shared container iterated while other code changes it, or one iterator shared"
              + " between threads",
          "Iterate over a snapshot taken in one step (list(d), d.copy(), tuple(xs)) or under the"
              + " lock that guards the changes; give each thread its own iterator, or feed the"
              + " items through a queue.Queue.",
          List.of(
              "https://docs.python.org/3/glossary.html#term-iterator",
              "https://github.com/python/cpython/issues/120496",
              "https://docs.python.org/3/howto/free-threading-python.html#thread-safety"),
          RuleInfo.Precision.MEDIUM,
          List.of("free-threading", "python", "race"));

  private static final Set<String> VIEWS = Set.of("items", "keys", "values");
  private static final Set<String> WRAPPERS = Set.of("enumerate", "reversed", "zip");

  /** What the walk of one file saw: iterations and changes of shared containers. */
  private static final class Seen {
    final Map<String, List<Candidate>> iterations = new LinkedHashMap<>();
    final Set<String> changed = new HashSet<>();
    final Map<String, List<Candidate>> handedOut = new LinkedHashMap<>();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void subscribe(Checks checks) {
    checks.on(Statement.For.class, (s, fs) -> iteration(s.iter(), s, fs));
    checks.on(Statement.AsyncFor.class, (s, fs) -> iteration(s.iter(), s, fs));
    checks.on(Comprehension.class, (c, fs) -> iteration(c.iter(), c.iter(), fs));
    checks.on(Expression.Subscript.class, this::subscriptWrite);
    checks.on(Expression.Call.class, this::call);
    checks.atEnd(this::finish);
  }

  private static Seen seen(FileScan fs) {
    return fs.state(SharedIteration.class, Seen::new);
  }

  private void iteration(Expression iter, dev.ftscout.python.tree.Located at, FileScan fs) {
    if (!fs.inFunction()) {
      return;
    }
    Expression target = unwrap(iter);
    Optional<SharedState> state = SharedState.of(target, fs);
    if (state.isEmpty() || fs.guarded()) {
      return;
    }
    SharedState st = state.get();
    if (st.kind() == ValueKind.ITERATOR) {
      fs.report(
          INFO,
          at,
          Exposure.THREADS,
          Severity.WARNING,
          st.label()
              + " is an iterator shared by every caller: threads advancing it at once get"
              + " repeated or missing items, a generator raises 'already executing'",
          "Create the iterator inside the function, or hand items out through a queue.Queue");
      return;
    }
    if (!st.container()) {
      return;
    }
    seen(fs)
        .iterations
        .computeIfAbsent(st.id(), k -> new ArrayList<>())
        .add(
            fs.candidate(
                INFO,
                at,
                Exposure.THREADS,
                Severity.WARNING,
                st.label()
                    + " is iterated here and changed elsewhere: without the GIL another thread"
                    + " can change it mid-iteration (RuntimeError for dicts and sets, skipped or"
                    + " repeated items for lists)",
                "Iterate over a snapshot taken in one step (list("
                    + st.name()
                    + "), "
                    + st.name()
                    + ".copy()), or hold the lock that guards the changes while iterating"));
  }

  /** {@code d.items()}, {@code enumerate(xs)}: the container actually iterated. */
  private static Expression unwrap(Expression iter) {
    if (iter instanceof Expression.Call c) {
      if (c.func() instanceof Expression.Attribute a
          && VIEWS.contains(a.attr())
          && c.args().isEmpty()) {
        return a.value();
      }
      if (c.func() instanceof Expression.Name n
          && WRAPPERS.contains(n.id())
          && !c.args().isEmpty()) {
        return unwrap(c.args().get(0));
      }
    }
    return iter;
  }

  private void subscriptWrite(Expression.Subscript s, FileScan fs) {
    if (s.ctx() != ExprContext.LOAD) {
      changed(s.value(), fs);
    }
  }

  private void changed(Expression container, FileScan fs) {
    if (!fs.inFunction() || runsAtImport(fs)) {
      return;
    }
    SharedState.of(container, fs)
        .filter(SharedState::container)
        .ifPresent(st -> seen(fs).changed.add(st.id()));
  }

  /** Functions used as decorators or called at import time fill registries before threads. */
  private static boolean runsAtImport(FileScan fs) {
    for (String name : fs.functionNames()) {
      if (fs.model().runsAtImport(name)) {
        return true;
      }
    }
    Optional<Statement.FunctionDefinition> f = fs.function();
    return f.isPresent()
        && fs.methodClass()
            .map(c -> fs.model().runsAtImport(c.name() + "." + f.get().name()))
            .orElse(false);
  }

  private void call(Expression.Call c, FileScan fs) {
    Exprs.methodCall(c, Exprs.MUTATORS).ifPresent(r -> changed(r, fs));
    if (Exprs.callsName(c, "next") && !c.args().isEmpty() && fs.inFunction()) {
      SharedState.of(c.args().get(0), fs)
          .filter(st -> st.kind() == ValueKind.ITERATOR)
          .filter(st -> !fs.guarded())
          .ifPresent(st ->
              fs.report(
                  INFO,
                  c,
                  Exposure.THREADS,
                  Severity.WARNING,
                  st.label()
                      + " is an iterator shared by every caller: threads advancing it at once get"
                      + " repeated or missing items, a generator raises 'already executing'",
                  "Hold a threading.Lock around next(), or hand items out through a"
                      + " queue.Queue"));
    }
    Threads.start(c, fs).ifPresent(start -> handedToThreads(c, start, fs));
  }

  /** An iterator passed to a thread-start call in a loop, to {@code map}, or more than once. */
  // Identity: the target is one of the call's own argument nodes.
  @SuppressWarnings("ReferenceEquality")
  private void handedToThreads(Expression.Call c, Threads.Start start, FileScan fs) {
    List<Expression.Name> passed = new ArrayList<>();
    for (Expression a : c.args()) {
      if (a != start.target()) {
        names(a, passed);
      }
    }
    for (Keyword k : c.keywords()) {
      if (k.value() != start.target()) {
        names(k.value(), passed);
      }
    }
    if (start.target() instanceof Expression.Lambda l) {
      names(l.body(), passed);
    }
    boolean mapped = start.api().endsWith("map") || start.api().endsWith("starmap");
    Optional<Node> loop = loop(fs);
    Set<String> done = new HashSet<>();
    for (Expression.Name n : passed) {
      if (!done.add(n.id()) || !iterator(n, fs)) {
        continue;
      }
      Candidate site =
          fs.candidate(
              INFO,
              n,
              Exposure.FIXED,
              Severity.WARNING,
              "one iterator '"
                  + n.id()
                  + "' is handed to several threads: iterators are not thread-safe (items"
                  + " repeated or lost; a generator raises 'already executing')",
              "Give each thread its own iterator (split the work first), or put the items in a"
                  + " queue.Queue that the threads get() from");
      boolean freshEachTime = loop.isPresent() && boundInside(n.id(), loop.get());
      if (mapped || (loop.isPresent() && !freshEachTime)) {
        fs.report(site);
      } else {
        seen(fs)
            .handedOut
            .computeIfAbsent(fs.functionKey() + "#" + n.id(), k -> new ArrayList<>())
            .add(site);
      }
    }
  }

  /** Whether the loop's own body binds the name: each pass makes a new iterator. */
  private static boolean boundInside(String name, Node loop) {
    List<Statement> body =
        switch (loop) {
          case Statement.For f -> f.body();
          case Statement.AsyncFor f -> f.body();
          case Statement.While w -> w.body();
          default -> List.of();
        };
    return !Bindings.values(name, body).isEmpty();
  }

  private static void names(Node root, List<Expression.Name> out) {
    Walk.nodes(
        root,
        n -> true,
        n -> {
          if (n instanceof Expression.Name name && name.ctx() == ExprContext.LOAD) {
            out.add(name);
          }
        });
  }

  /** The innermost loop or comprehension around the node in the same function. */
  private static Optional<Node> loop(FileScan fs) {
    List<Node> ancestors = fs.context().ancestors();
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Node n = ancestors.get(i);
      if (n instanceof Statement.FunctionDefinition || n instanceof Statement.ClassDef) {
        return Optional.empty();
      }
      if (n instanceof Statement.For
          || n instanceof Statement.While
          || n instanceof Statement.AsyncFor
          || n instanceof Expression.ListComp
          || n instanceof Expression.SetComp
          || n instanceof Expression.DictComp
          || n instanceof Expression.GeneratorExp) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** Whether a name is bound to an iterator or generator object in its block or module. */
  private static boolean iterator(Expression.Name n, FileScan fs) {
    List<Statement> body =
        fs.inFunction()
            ? fs.function().map(Statement.FunctionDefinition::body).orElse(List.of())
            : fs.model().moduleBody();
    for (Expression v : fs.bindings(n.id(), body)) {
      if (fs.model().kindOf(v, fs.scope()) == ValueKind.ITERATOR) {
        return true;
      }
    }
    return fs.scope().isModuleGlobal(n.id())
        && fs.model().global(n.id()).orElse(ValueKind.OTHER) == ValueKind.ITERATOR;
  }

  private void finish(FileScan fs) {
    Seen s = seen(fs);
    s.iterations.forEach((id, sites) -> {
      if (s.changed.contains(id)) {
        sites.forEach(fs::report);
      }
    });
    s.handedOut.forEach((key, sites) -> {
      if (sites.size() > 1) {
        sites.forEach(fs::report);
      }
    });
  }
}
