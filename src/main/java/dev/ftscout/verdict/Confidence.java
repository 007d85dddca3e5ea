package dev.ftscout.verdict;

/** How a verdict was reached. */
public enum Confidence {
  /** From reading sources and dependency metadata only; nothing was run. */
  STATIC,
  /** At least one runtime check (probe, test, bench) ran in a real interpreter. */
  VERIFIED;

  public String label() {
    return this == STATIC ? "static" : "verified";
  }
}
