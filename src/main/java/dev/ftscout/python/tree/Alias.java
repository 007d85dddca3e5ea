package dev.ftscout.python.tree;

import java.util.Optional;

/** {@code name as asname} in an import: {@code ast.alias}. */
public record Alias(String name, Optional<String> asname, Span span) implements Node, Located {}
