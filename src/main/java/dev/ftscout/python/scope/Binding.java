package dev.ftscout.python.scope;

import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Span;

/**
 * One place where a name is bound (or declared) in a scope: an assignment target, a parameter, an
 * import, a {@code def}, and so on.
 *
 * @param kind how the name is bound
 * @param span where (the target or statement)
 * @param node the node that binds it (a {@code Name}, {@code arg}, {@code alias}, statement...)
 */
public record Binding(Kind kind, Span span, Node node) {

  /** The syntactic form that binds a name. */
  public enum Kind {
    /** {@code x = ...}, also a target inside a tuple or list target. */
    ASSIGNMENT,
    /** {@code x += ...}. */
    AUGMENTED_ASSIGNMENT,
    /** {@code x: int = ...} or a bare {@code x: int}. */
    ANNOTATED_ASSIGNMENT,
    /** {@code x := ...}. */
    NAMED_EXPRESSION,
    /** {@code for x in ...}. */
    FOR_TARGET,
    /** {@code with ... as x}. */
    WITH_TARGET,
    /** {@code except E as x}. */
    EXCEPT_NAME,
    /** {@code del x}. */
    DELETE,
    /** A target of a comprehension's {@code for}. */
    COMPREHENSION_TARGET,
    /** A function or lambda parameter. */
    PARAMETER,
    /** {@code import x} or {@code from m import x}. */
    IMPORT,
    /** {@code def x}. */
    FUNCTION_DEF,
    /** {@code class x}. */
    CLASS_DEF,
    /** A capture pattern in a {@code case}. */
    MATCH_CAPTURE,
    /** A PEP 695 type parameter. */
    TYPE_PARAMETER,
    /** {@code type x = ...}. */
    TYPE_ALIAS,
    /** {@code global x} (a declaration, not a binding). */
    GLOBAL_DECLARATION,
    /** {@code nonlocal x} (a declaration, not a binding). */
    NONLOCAL_DECLARATION
  }
}
