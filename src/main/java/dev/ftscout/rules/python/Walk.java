package dev.ftscout.rules.python;

import dev.ftscout.python.tree.ExceptHandler;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.MatchCase;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Nodes;
import dev.ftscout.python.tree.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Small local searches the rules make inside one function or block, besides the one shared walk:
 * the statements of a body, or the nodes under a node, without entering nested functions and
 * classes (their code runs at another time).
 */
final class Walk {
  private Walk() {}

  /** Every statement of {@code body}, compound statements' bodies included, nested defs not. */
  static void statements(List<Statement> body, Consumer<Statement> action) {
    statements(body, s -> true, action);
  }

  /**
   * Every statement of {@code body}, entering the bodies of compound statements that {@code enter}
   * accepts (never nested defs).
   */
  static void statements(
      List<Statement> body, Predicate<Statement> enter, Consumer<Statement> action) {
    for (Statement s : body) {
      action.accept(s);
      if (s instanceof Statement.FunctionDefinition
          || s instanceof Statement.ClassDef
          || !enter.test(s)) {
        continue;
      }
      for (Node child : Nodes.children(s)) {
        switch (child) {
          case Statement inner -> statements(List.of(inner), enter, action);
          case ExceptHandler h -> statements(h.body(), enter, action);
          case MatchCase m -> statements(m.body(), enter, action);
          default -> {}
        }
      }
    }
  }

  /**
   * Every node under {@code root} (itself included) that runs when {@code root} runs: nested {@code
   * def}, {@code class} and {@code lambda} bodies are left out.
   */
  // Identity: the root itself is entered even when it is a def or lambda.
  @SuppressWarnings("ReferenceEquality")
  static void sameFrame(Node root, Consumer<Node> action) {
    nodes(root, n -> n == root || !isScope(n), action);
  }

  /** Every node under {@code root}, descending only into nodes {@code descend} accepts. */
  static void nodes(Node root, Predicate<Node> descend, Consumer<Node> action) {
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      action.accept(n);
      if (descend.test(n)) {
        List<Node> children = Nodes.children(n);
        for (int i = children.size() - 1; i >= 0; i--) {
          stack.push(children.get(i));
        }
      }
    }
  }

  /** Whether any node under {@code root} in the same frame satisfies {@code test}. */
  static boolean anyInFrame(Node root, Predicate<Node> test) {
    boolean[] found = {false};
    sameFrame(
        root,
        n -> {
          if (!found[0] && test.test(n)) {
            found[0] = true;
          }
        });
    return found[0];
  }

  private static boolean isScope(Node n) {
    return n instanceof Statement.FunctionDefinition
        || n instanceof Statement.ClassDef
        || n instanceof Expression.Lambda;
  }
}
