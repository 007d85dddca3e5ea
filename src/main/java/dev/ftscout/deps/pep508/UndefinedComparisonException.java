package dev.ftscout.deps.pep508;

/** A marker comparison PEP 508 leaves undefined (e.g. {@code ~=} between non-versions). */
public final class UndefinedComparisonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UndefinedComparisonException(String message) {
    super(message);
  }
}
