package dev.ftscout.verdict;

/**
 * One piece of evidence behind a reason: where to look and what it shows.
 *
 * @param kind what sort of evidence
 * @param ref the place: {@code file:line}, {@code package@version}, a module, a test id or a
 *     workload
 * @param detail what it shows, one line
 */
public record Evidence(Kind kind, String ref, String detail) {
  /** Sorts of evidence. */
  public enum Kind {
    SOURCE,
    PACKAGE,
    PROBE,
    TEST,
    BENCH
  }

  /** {@code ref: detail}, or the ref alone. */
  public String text() {
    return detail.isEmpty() ? ref : ref + ": " + detail;
  }
}
