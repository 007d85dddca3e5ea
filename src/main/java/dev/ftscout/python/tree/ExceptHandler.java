package dev.ftscout.python.tree;

import java.util.List;
import java.util.Optional;

/** {@code except type as name: body} (also used for {@code except*}): {@code ast.ExceptHandler}. */
public record ExceptHandler(
    Optional<Expression> type, Optional<String> name, List<Statement> body, Span span)
    implements Node, Located {
  public ExceptHandler {
    body = List.copyOf(body);
  }
}
