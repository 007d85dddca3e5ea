package dev.ftscout.python.scope;

/**
 * Where a name used in a scope lives, as CPython's symbol table decides: {@code symtable}'s LOCAL,
 * GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE and CELL.
 */
public enum Resolution {
  /** Bound in this scope (at module level that is a module global). */
  LOCAL,
  /** Declared {@code global} in this scope or an enclosing one. */
  GLOBAL_EXPLICIT,
  /** Not bound anywhere enclosing: a module global or a builtin. */
  GLOBAL_IMPLICIT,
  /** Bound in an enclosing function scope (a closure variable). */
  FREE,
  /** Local here and used by a nested scope. */
  CELL
}
