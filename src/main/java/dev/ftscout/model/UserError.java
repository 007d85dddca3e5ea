package dev.ftscout.model;

/**
 * A problem the user can fix: bad config, bad flag, unreadable input. Its message is one line that
 * names the file and position where that applies; the CLI prints it and exits with code 2.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error at {@code file:line:column}; line or column 0 leaves that part out. */
  public static UserError at(String file, int line, int column, String message) {
    StringBuilder where = new StringBuilder(file);
    if (line > 0) {
      where.append(':').append(line);
      if (column > 0) {
        where.append(':').append(column);
      }
    }
    return new UserError(where + ": " + message);
  }
}
