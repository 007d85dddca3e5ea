package dev.ftscout.python.tree;

import java.util.List;

/** One {@code for target in iter if ...} clause: {@code ast.comprehension}. */
public record Comprehension(
    Expression target, Expression iter, List<Expression> ifs, boolean isAsync) implements Node {
  public Comprehension {
    ifs = List.copyOf(ifs);
  }
}
