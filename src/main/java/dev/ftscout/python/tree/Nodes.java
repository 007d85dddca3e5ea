package dev.ftscout.python.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Generic access to the tree: the direct children of any node, in CPython's field order. */
public final class Nodes {
  private Nodes() {}

  /** The direct children of {@code node}, in field order (as {@code ast.iter_child_nodes}). */
  public static List<Node> children(Node node) {
    List<Node> out = new ArrayList<>();
    forEachChild(node, out::add);
    return out;
  }

  /** Calls {@code action} on each direct child of {@code node}, in field order. */
  public static void forEachChild(Node node, Consumer<Node> action) {
    switch (node) {
      case Module m -> all(m.body(), action);
      case Statement s -> statement(s, action);
      case Expression e -> expression(e, action);
      case Pattern p -> pattern(p, action);
      case TypeParam t -> {
        switch (t) {
          case TypeParam.TypeVar v -> {
            opt(v.bound(), action);
            opt(v.defaultValue(), action);
          }
          case TypeParam.ParamSpec v -> opt(v.defaultValue(), action);
          case TypeParam.TypeVarTuple v -> opt(v.defaultValue(), action);
        }
      }
      case ExceptHandler h -> {
        opt(h.type(), action);
        all(h.body(), action);
      }
      case Arguments a -> {
        all(a.posonlyargs(), action);
        all(a.args(), action);
        opt(a.vararg(), action);
        all(a.kwonlyargs(), action);
        for (Optional<Expression> d : a.kwDefaults()) {
          opt(d, action);
        }
        opt(a.kwarg(), action);
        all(a.defaults(), action);
      }
      case Arg a -> opt(a.annotation(), action);
      case Keyword k -> action.accept(k.value());
      case Alias a -> {}
      case Comprehension c -> {
        action.accept(c.target());
        action.accept(c.iter());
        all(c.ifs(), action);
      }
      case WithItem w -> {
        action.accept(w.contextExpr());
        opt(w.optionalVars(), action);
      }
      case MatchCase c -> {
        action.accept(c.pattern());
        opt(c.guard(), action);
        all(c.body(), action);
      }
    }
  }

  private static void statement(Statement s, Consumer<Node> action) {
    switch (s) {
      case Statement.FunctionDef f -> {
        action.accept(f.args());
        all(f.body(), action);
        all(f.decoratorList(), action);
        opt(f.returns(), action);
        all(f.typeParams(), action);
      }
      case Statement.AsyncFunctionDef f -> {
        action.accept(f.args());
        all(f.body(), action);
        all(f.decoratorList(), action);
        opt(f.returns(), action);
        all(f.typeParams(), action);
      }
      case Statement.ClassDef c -> {
        all(c.bases(), action);
        all(c.keywords(), action);
        all(c.body(), action);
        all(c.decoratorList(), action);
        all(c.typeParams(), action);
      }
      case Statement.Return r -> opt(r.value(), action);
      case Statement.Delete d -> all(d.targets(), action);
      case Statement.Assign a -> {
        all(a.targets(), action);
        action.accept(a.value());
      }
      case Statement.TypeAlias t -> {
        action.accept(t.name());
        all(t.typeParams(), action);
        action.accept(t.value());
      }
      case Statement.AugAssign a -> {
        action.accept(a.target());
        action.accept(a.value());
      }
      case Statement.AnnAssign a -> {
        action.accept(a.target());
        action.accept(a.annotation());
        opt(a.value(), action);
      }
      case Statement.For f -> {
        action.accept(f.target());
        action.accept(f.iter());
        all(f.body(), action);
        all(f.orelse(), action);
      }
      case Statement.AsyncFor f -> {
        action.accept(f.target());
        action.accept(f.iter());
        all(f.body(), action);
        all(f.orelse(), action);
      }
      case Statement.While w -> {
        action.accept(w.test());
        all(w.body(), action);
        all(w.orelse(), action);
      }
      case Statement.If i -> {
        action.accept(i.test());
        all(i.body(), action);
        all(i.orelse(), action);
      }
      case Statement.With w -> {
        all(w.items(), action);
        all(w.body(), action);
      }
      case Statement.AsyncWith w -> {
        all(w.items(), action);
        all(w.body(), action);
      }
      case Statement.Match m -> {
        action.accept(m.subject());
        all(m.cases(), action);
      }
      case Statement.Raise r -> {
        opt(r.exc(), action);
        opt(r.cause(), action);
      }
      case Statement.Try t -> {
        all(t.body(), action);
        all(t.handlers(), action);
        all(t.orelse(), action);
        all(t.finalbody(), action);
      }
      case Statement.TryStar t -> {
        all(t.body(), action);
        all(t.handlers(), action);
        all(t.orelse(), action);
        all(t.finalbody(), action);
      }
      case Statement.Assert a -> {
        action.accept(a.test());
        opt(a.msg(), action);
      }
      case Statement.Import i -> all(i.names(), action);
      case Statement.ImportFrom i -> all(i.names(), action);
      case Statement.Global g -> {}
      case Statement.Nonlocal n -> {}
      case Statement.Expr e -> action.accept(e.value());
      case Statement.Pass p -> {}
      case Statement.Break b -> {}
      case Statement.Continue c -> {}
    }
  }

  private static void expression(Expression e, Consumer<Node> action) {
    switch (e) {
      case Expression.BoolOp b -> all(b.values(), action);
      case Expression.NamedExpr n -> {
        action.accept(n.target());
        action.accept(n.value());
      }
      case Expression.BinOp b -> {
        action.accept(b.left());
        action.accept(b.right());
      }
      case Expression.UnaryOp u -> action.accept(u.operand());
      case Expression.Lambda l -> {
        action.accept(l.args());
        action.accept(l.body());
      }
      case Expression.IfExp i -> {
        action.accept(i.test());
        action.accept(i.body());
        action.accept(i.orelse());
      }
      case Expression.Dict d -> {
        for (Optional<Expression> k : d.keys()) {
          opt(k, action);
        }
        all(d.values(), action);
      }
      case Expression.Set s -> all(s.elts(), action);
      case Expression.ListComp l -> {
        action.accept(l.elt());
        all(l.generators(), action);
      }
      case Expression.SetComp l -> {
        action.accept(l.elt());
        all(l.generators(), action);
      }
      case Expression.DictComp d -> {
        action.accept(d.key());
        action.accept(d.value());
        all(d.generators(), action);
      }
      case Expression.GeneratorExp g -> {
        action.accept(g.elt());
        all(g.generators(), action);
      }
      case Expression.Await a -> action.accept(a.value());
      case Expression.Yield y -> opt(y.value(), action);
      case Expression.YieldFrom y -> action.accept(y.value());
      case Expression.Compare c -> {
        action.accept(c.left());
        all(c.comparators(), action);
      }
      case Expression.Call c -> {
        action.accept(c.func());
        all(c.args(), action);
        all(c.keywords(), action);
      }
      case Expression.FormattedValue f -> {
        action.accept(f.value());
        opt(f.formatSpec(), action);
      }
      case Expression.Interpolation i -> {
        action.accept(i.value());
        opt(i.formatSpec(), action);
      }
      case Expression.JoinedStr j -> all(j.values(), action);
      case Expression.TemplateStr t -> all(t.values(), action);
      case Expression.Constant c -> {}
      case Expression.Attribute a -> action.accept(a.value());
      case Expression.Subscript s -> {
        action.accept(s.value());
        action.accept(s.slice());
      }
      case Expression.Starred s -> action.accept(s.value());
      case Expression.Name n -> {}
      case Expression.List l -> all(l.elts(), action);
      case Expression.Tuple t -> all(t.elts(), action);
      case Expression.Slice s -> {
        opt(s.lower(), action);
        opt(s.upper(), action);
        opt(s.step(), action);
      }
    }
  }

  private static void pattern(Pattern p, Consumer<Node> action) {
    switch (p) {
      case Pattern.MatchValue v -> action.accept(v.value());
      case Pattern.MatchSingleton s -> {}
      case Pattern.MatchSequence s -> all(s.patterns(), action);
      case Pattern.MatchMapping m -> {
        all(m.keys(), action);
        all(m.patterns(), action);
      }
      case Pattern.MatchClass c -> {
        action.accept(c.cls());
        all(c.patterns(), action);
        all(c.kwdPatterns(), action);
      }
      case Pattern.MatchStar s -> {}
      case Pattern.MatchAs a -> opt(a.pattern(), action);
      case Pattern.MatchOr o -> all(o.patterns(), action);
    }
  }

  private static void all(List<? extends Node> nodes, Consumer<Node> action) {
    for (Node n : nodes) {
      action.accept(n);
    }
  }

  private static void opt(Optional<? extends Node> node, Consumer<Node> action) {
    node.ifPresent(action);
  }
}
