package dev.ftscout.model;

/**
 * A region of a source file. Lines and columns are 1-based; columns count UTF-16 code units (as
 * SARIF's default {@code columnKind}); the end column is exclusive. Line 0 means "the whole file".
 */
public record Span(int line, int column, int endLine, int endColumn) {
  public Span {
    if (line < 0 || column < 0 || endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException(
          "bad span " + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  /** A span for a whole file, used when a finding has no better place. */
  public static Span wholeFile() {
    return new Span(0, 0, 0, 0);
  }

  /** A span covering {@code length} code units on one line. */
  public static Span onLine(int line, int column, int length) {
    return new Span(line, column, line, column + length);
  }

  public boolean isWholeFile() {
    return line == 0;
  }
}
