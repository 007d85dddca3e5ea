package dev.ftscout.runtime.discovery;

/** An interpreter could not be run or did not describe itself; the message is for the user. */
public final class InterpreterException extends Exception {
  private static final long serialVersionUID = 1L;

  public InterpreterException(String message) {
    super(message);
  }
}
