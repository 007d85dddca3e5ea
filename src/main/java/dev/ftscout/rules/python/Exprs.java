package dev.ftscout.rules.python;

import dev.ftscout.python.tree.ConstantValue;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Unparser;
import java.util.Optional;
import java.util.Set;

/** Small questions about expressions that several rules ask. */
final class Exprs {
  /** Methods of list, dict, set and deque that change the container. */
  static final Set<String> MUTATORS =
      Set.of(
          "append",
          "extend",
          "insert",
          "remove",
          "pop",
          "popitem",
          "clear",
          "update",
          "setdefault",
          "add",
          "discard",
          "appendleft",
          "extendleft",
          "popleft",
          "sort",
          "reverse",
          "__setitem__",
          "__delitem__");

  private Exprs() {}

  /** Whether two expressions are written the same way (positions and load/store aside). */
  static boolean same(Node a, Node b) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Expression.Name x && b instanceof Expression.Name y) {
      return x.id().equals(y.id());
    }
    return Unparser.unparse(a).equals(Unparser.unparse(b));
  }

  /** Source text of an expression, for messages. */
  static String text(Node e) {
    String s = Unparser.unparse(e);
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  /** {@code receiver.m(...)}: the receiver when {@code m} is one of {@code methods}. */
  static Optional<Expression> methodCall(Node n, Set<String> methods) {
    if (n instanceof Expression.Call c
        && c.func() instanceof Expression.Attribute a
        && methods.contains(a.attr())) {
      return Optional.of(a.value());
    }
    return Optional.empty();
  }

  static boolean isNone(Expression e) {
    return e instanceof Expression.Constant c && c.value() instanceof ConstantValue.NoneValue;
  }

  /** Whether a call is {@code name(...)} for the builtin or plain function {@code name}. */
  static boolean callsName(Node n, String name) {
    return n instanceof Expression.Call c
        && c.func() instanceof Expression.Name f
        && f.id().equals(name);
  }
}
