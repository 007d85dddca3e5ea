package dev.ftscout.python.scope;

import dev.ftscout.python.tree.Span;

/**
 * A syntax error CPython finds while building its symbol table rather than while parsing, such as
 * {@code nonlocal} at module level or a name that is both a parameter and {@code global}.
 */
public record ScopeError(String message, Span span) {}
