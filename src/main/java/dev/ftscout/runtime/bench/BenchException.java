package dev.ftscout.runtime.bench;

/** A benchmark cannot run as asked (no interpreter, a workload that fails); for the user. */
public final class BenchException extends Exception {
  private static final long serialVersionUID = 1L;

  public BenchException(String message) {
    super(message);
  }
}
