package dev.ftscout.python.scope;

import dev.ftscout.python.tree.Expression;
import java.util.List;

/**
 * A name in one scope, with CPython's symbol table facts about it ({@code symtable.Symbol}): its
 * definition flags, where it resolves, and the places that bind and read it in this scope.
 *
 * @param name the name as the symbol table stores it (private names mangled, as in CPython)
 * @param flags CPython's definition flags ({@link #DEF_GLOBAL} and the others)
 * @param resolution where the name lives
 * @param bindings the places in this scope that bind or declare it, in source order
 * @param references the {@code Name} nodes in this scope that read it, in source order
 */
public record Symbol(
    String name,
    int flags,
    Resolution resolution,
    List<Binding> bindings,
    List<Expression.Name> references) {
  /** {@code global} statement. */
  public static final int DEF_GLOBAL = 1;

  /** Assignment in the block. */
  public static final int DEF_LOCAL = 2;

  /** Formal parameter. */
  public static final int DEF_PARAM = 4;

  /** {@code nonlocal} statement. */
  public static final int DEF_NONLOCAL = 8;

  /** The name is read. */
  public static final int USE = 16;

  /** A free variable of a method with the same name as a class-level name. */
  public static final int DEF_FREE_CLASS = 64;

  /** Bound by an import. */
  public static final int DEF_IMPORT = 128;

  /** Annotated. */
  public static final int DEF_ANNOT = 256;

  /** An iteration variable of a comprehension. */
  public static final int DEF_COMP_ITER = 512;

  /** A PEP 695 type parameter. */
  public static final int DEF_TYPE_PARAM = 1024;

  /** A cell of an inlined comprehension. */
  public static final int DEF_COMP_CELL = 2048;

  /** Any binding: assignment, parameter or import. */
  public static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

  public Symbol {
    bindings = List.copyOf(bindings);
    references = List.copyOf(references);
  }

  /** The name is read in this scope. */
  public boolean isReferenced() {
    return (flags & USE) != 0;
  }

  /** The name is bound by an import in this scope. */
  public boolean isImported() {
    return (flags & DEF_IMPORT) != 0;
  }

  /** The name is a parameter of this (function) scope. */
  public boolean isParameter() {
    return (flags & DEF_PARAM) != 0;
  }

  /** The name is a PEP 695 type parameter. */
  public boolean isTypeParameter() {
    return (flags & DEF_TYPE_PARAM) != 0;
  }

  /** The name is assigned (bound) in this scope. */
  public boolean isAssigned() {
    return (flags & DEF_LOCAL) != 0;
  }

  /** The name is annotated in this scope. */
  public boolean isAnnotated() {
    return (flags & DEF_ANNOT) != 0;
  }

  /** The name is declared {@code nonlocal} here. */
  public boolean isNonlocal() {
    return (flags & DEF_NONLOCAL) != 0;
  }

  /** The name is declared {@code global} in this scope. */
  public boolean isDeclaredGlobal() {
    return resolution == Resolution.GLOBAL_EXPLICIT;
  }

  /** The name resolves to the module namespace (or builtins). */
  public boolean isGlobal() {
    return resolution == Resolution.GLOBAL_EXPLICIT || resolution == Resolution.GLOBAL_IMPLICIT;
  }

  /** The name is local to this scope (cells included). */
  public boolean isLocal() {
    return resolution == Resolution.LOCAL || resolution == Resolution.CELL;
  }

  /** The name is a closure variable from an enclosing function. */
  public boolean isFree() {
    return resolution == Resolution.FREE;
  }

  /** The name is local and captured by a nested scope. */
  public boolean isCell() {
    return resolution == Resolution.CELL;
  }
}
