package dev.ftscout.deps.pep508;

/** A dependency specifier or marker that does not follow PEP 508; {@link #column} is 0-based. */
public final class InvalidRequirementException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int column;

  public InvalidRequirementException(String message, int column) {
    super(message);
    this.column = column;
  }

  /** 0-based offset in the parsed text where the problem starts. */
  public int column() {
    return column;
  }
}
