package dev.ftscout.python.tree;

/**
 * Where a node sits in its source file, in CPython's {@code ast} conventions: lines are 1-based,
 * columns are 0-based UTF-8 byte offsets into the line, and the end is exclusive.
 */
public record Span(int lineno, int colOffset, int endLineno, int endColOffset) {

  /** The span from the start of {@code first} to the end of {@code last}. */
  public static Span between(Span first, Span last) {
    return new Span(first.lineno, first.colOffset, last.endLineno, last.endColOffset);
  }

  /** Whether {@code line} lies between this span's first and last line, both included. */
  public boolean coversLine(int line) {
    return line >= lineno && line <= endLineno;
  }
}
