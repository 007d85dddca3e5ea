package dev.ftscout.python.tree;

import java.util.Optional;

/** A PEP 695 type parameter: {@code ast.type_param}; defaults are PEP 696. */
public sealed interface TypeParam extends Node, Located {
  /** The parameter's name. */
  String name();

  /** {@code T: bound = default}. */
  record TypeVar(
      String name, Optional<Expression> bound, Optional<Expression> defaultValue, Span span)
      implements TypeParam {}

  /** {@code **P = default}. */
  record ParamSpec(String name, Optional<Expression> defaultValue, Span span)
      implements TypeParam {}

  /** {@code *Ts = default}. */
  record TypeVarTuple(String name, Optional<Expression> defaultValue, Span span)
      implements TypeParam {}
}
