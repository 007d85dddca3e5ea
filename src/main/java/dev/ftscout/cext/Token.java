package dev.ftscout.cext;

/**
 * A token of a Rust, Cython/Python, meson or CMake file (files small enough for one object per
 * token).
 *
 * @param kind what it is
 * @param text its source text
 * @param value for strings, the content between the quotes (escapes left as written); else the text
 * @param line 1-based line
 * @param column 1-based column in UTF-16 code units
 */
public record Token(Kind kind, String text, String value, int line, int column) {

  /** Token kinds shared by the small lexers. */
  public enum Kind {
    NAME,
    NUMBER,
    STRING,
    CHAR,
    LIFETIME,
    OP
  }

  public boolean is(String s) {
    return text.equals(s);
  }

  public boolean isName(String s) {
    return kind == Kind.NAME && text.equals(s);
  }
}
