package dev.ftscout.python.tree;

import java.util.List;

/** A whole source file: {@code ast.Module}. */
public record Module(List<Statement> body) implements Node {
  public Module {
    body = List.copyOf(body);
  }
}
