package dev.ftscout.cext;

/**
 * One preprocessor directive of a C or C++ file, continuation lines joined and comments removed.
 *
 * @param kind which directive
 * @param name the macro named by {@code #define}, {@code #undef}, {@code #ifdef}, {@code #ifndef},
 *     or the header named by {@code #include}; empty otherwise
 * @param body the rest of the directive after the name (the replacement text of a {@code #define},
 *     the expression of an {@code #if})
 * @param line 1-based line of the {@code #}
 * @param column 1-based column of the {@code #}
 * @param condition the branches the directive itself sits in
 */
public record Directive(
    Kind kind, String name, String body, int line, int column, Condition condition) {

  /** The directives the scanner tells apart. */
  public enum Kind {
    IF,
    IFDEF,
    IFNDEF,
    ELIF,
    ELSE,
    ENDIF,
    DEFINE,
    UNDEF,
    INCLUDE,
    OTHER
  }
}
