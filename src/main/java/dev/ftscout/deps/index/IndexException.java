package dev.ftscout.deps.index;

/** The index could not answer: unreachable, an error status, or a body that is not a page. */
public final class IndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexException(String message) {
    super(message);
  }

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
