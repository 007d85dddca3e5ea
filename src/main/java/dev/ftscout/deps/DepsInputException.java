package dev.ftscout.deps;

import java.nio.file.Path;

/**
 * A problem in the user's input (a requirements file, lock file, configuration): one line naming
 * {@code file:line:col}. The command line maps it to exit code 2.
 */
public final class DepsInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;

  public DepsInputException(Path file, int line, int column, String message) {
    super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public Path file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }
}
