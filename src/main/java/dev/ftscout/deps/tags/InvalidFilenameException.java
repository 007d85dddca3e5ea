package dev.ftscout.deps.tags;

/** A distribution file name that is not a valid wheel or sdist name. */
public final class InvalidFilenameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidFilenameException(String message) {
    super(message);
  }
}
