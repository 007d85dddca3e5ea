package dev.ftscout.deps.pep440;

/** A string that is not a PEP 440 version or specifier. */
public final class InvalidVersionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String message) {
    super(message);
  }
}
