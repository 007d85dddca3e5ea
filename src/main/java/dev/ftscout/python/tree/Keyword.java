package dev.ftscout.python.tree;

import java.util.Optional;

/** {@code arg=value} in a call or class header; no {@code arg} for {@code **value}. */
public record Keyword(Optional<String> arg, Expression value, Span span) implements Node, Located {}
