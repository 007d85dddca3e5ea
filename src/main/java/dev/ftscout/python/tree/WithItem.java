package dev.ftscout.python.tree;

import java.util.Optional;

/** {@code context_expr as optional_vars} in a {@code with}: {@code ast.withitem}. */
public record WithItem(Expression contextExpr, Optional<Expression> optionalVars) implements Node {}
