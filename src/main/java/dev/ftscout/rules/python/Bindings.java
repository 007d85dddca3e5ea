package dev.ftscout.rules.python;

import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.WithItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values a block assigns to a plain name: {@code x = ...} and {@code with ... as x}. */
final class Bindings {
  private Bindings() {}

  /** Every value bound to {@code name} in {@code body} (nested functions left out). */
  static List<Expression> values(String name, List<Statement> body) {
    return index(body).getOrDefault(name, List.of());
  }

  /**
   * Every value bound to each name in {@code body} (nested functions left out), in source order:
   * one pass serves every name, so callers that ask about many names of one body can keep it.
   */
  static Map<String, List<Expression>> index(List<Statement> body) {
    Map<String, List<Expression>> out = new HashMap<>();
    Walk.statements(
        body,
        s -> {
          switch (s) {
            case Statement.Assign a -> {
              for (Expression t : a.targets()) {
                if (t instanceof Expression.Name n) {
                  add(out, n.id(), a.value());
                }
              }
            }
            case Statement.AnnAssign a
                when a.target() instanceof Expression.Name n && a.value().isPresent() ->
                add(out, n.id(), a.value().get());
            case Statement.With w -> withTargets(w.items(), out);
            case Statement.AsyncWith w -> withTargets(w.items(), out);
            default -> {}
          }
        });
    return out;
  }

  private static void add(Map<String, List<Expression>> out, String name, Expression value) {
    out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  private static void withTargets(List<WithItem> items, Map<String, List<Expression>> out) {
    for (WithItem i : items) {
      if (i.optionalVars().isPresent() && i.optionalVars().get() instanceof Expression.Name n) {
        add(out, n.id(), i.contextExpr());
      }
    }
  }
}
