package dev.ftscout.runtime.probe;

import java.util.List;

/**
 * The probe cannot run as asked; the message is one line for the user and {@link #advice()} says
 * what to do. The command line maps this to exit code 2.
 */
public final class ProbeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the probe did not run. */
  public enum Reason {
    /** The interpreter is a GIL build and allow-gil-build was not given. */
    GIL_BUILD,
    /** No interpreter was given and no free-threaded one was found. */
    NO_INTERPRETER,
    /** The interpreter or environment cannot be used. */
    UNUSABLE
  }

  private final Reason reason;
  private final List<String> advice;

  public ProbeException(Reason reason, String message, List<String> advice) {
    super(message);
    this.reason = reason;
    this.advice = List.copyOf(advice);
  }

  public Reason reason() {
    return reason;
  }

  public List<String> advice() {
    return advice;
  }
}
