package dev.ftscout.python;

/**
 * A syntax error in a Python file, located and worded the way CPython reports it: {@code line} is
 * 1-based and {@code column} is CPython's 1-based character offset ({@code SyntaxError.offset});
 * the end is exclusive and may equal the start.
 */
public record SyntaxError(
    String path, int line, int column, int endLine, int endColumn, String message, Kind kind) {

  /** CPython's exception class for the error. */
  public enum Kind {
    SYNTAX_ERROR("SyntaxError"),
    INDENTATION_ERROR("IndentationError"),
    TAB_ERROR("TabError");

    private final String pythonName;

    Kind(String pythonName) {
      this.pythonName = pythonName;
    }

    /** The exception class name, e.g. {@code IndentationError}. */
    public String pythonName() {
      return pythonName;
    }
  }

  /** {@code path:line:column: SyntaxError: message}, one line. */
  @Override
  public String toString() {
    return path + ":" + line + ":" + column + ": " + kind.pythonName() + ": " + message;
  }
}
