package dev.ftscout.python.tree;

import java.util.Optional;

/** One parameter: {@code ast.arg}. */
public record Arg(String arg, Optional<Expression> annotation, Span span)
    implements Node, Located {}
