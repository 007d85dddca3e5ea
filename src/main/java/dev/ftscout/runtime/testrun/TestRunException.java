package dev.ftscout.runtime.testrun;

/** The test runs cannot start as asked (no interpreter, unusable interpreter); for the user. */
public final class TestRunException extends Exception {
  private static final long serialVersionUID = 1L;

  public TestRunException(String message) {
    super(message);
  }
}
