package dev.ftscout.python.tree;

import java.util.List;
import java.util.Optional;

/** {@code case pattern if guard: body}: {@code ast.match_case}. */
public record MatchCase(Pattern pattern, Optional<Expression> guard, List<Statement> body)
    implements Node {
  public MatchCase {
    body = List.copyOf(body);
  }
}
