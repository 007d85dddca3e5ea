package dev.ftscout.rules.python;

import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.WithItem;
import java.util.ArrayList;
import java.util.List;

/** The values a block assigns to a plain name: {@code x = ...} and {@code with ... as x}. */
final class Bindings {
  private Bindings() {}

  /** Every value bound to {@code name} in {@code body} (nested functions left out). */
  static List<Expression> values(String name, List<Statement> body) {
    List<Expression> out = new ArrayList<>();
    Walk.statements(
        body,
        s -> {
          switch (s) {
            case Statement.Assign a -> {
              for (Expression t : a.targets()) {
                if (t instanceof Expression.Name n && n.id().equals(name)) {
                  out.add(a.value());
                }
              }
            }
            case Statement.AnnAssign a
                when a.target() instanceof Expression.Name n
                    && n.id().equals(name)
                    && a.value().isPresent() ->
                out.add(a.value().get());
            case Statement.With w -> withTargets(w.items(), name, out);
            case Statement.AsyncWith w -> withTargets(w.items(), name, out);
            default -> {}
          }
        });
    return out;
  }

  private static void withTargets(List<WithItem> items, String name, List<Expression> out) {
    for (WithItem i : items) {
      if (i.optionalVars().isPresent()
          && i.optionalVars().get() instanceof Expression.Name n
          && n.id().equals(name)) {
        out.add(i.contextExpr());
      }
    }
  }
}
