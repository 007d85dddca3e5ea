package dev.ftscout.verdict;

/** The answer to "should we move this project to free-threaded CPython now?". */
public enum Verdict {
  /** Not now: something blocks it, or it would not help. */
  NO,
  /** Worth trying, with work or checks still to do. */
  MAYBE,
  /** Go: the evidence says it works and pays off. */
  YES;

  public String label() {
    return switch (this) {
      case NO -> "No";
      case MAYBE -> "Maybe";
      case YES -> "Yes";
    };
  }
}
