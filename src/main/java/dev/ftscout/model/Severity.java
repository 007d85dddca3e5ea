package dev.ftscout.model;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; also the threshold for {@code --fail-on}. */
public enum Severity {
  /** Breaks or silently disables free-threading: the GIL comes back, memory is corrupted. */
  ERROR,
  /** A race or unsafe API that is likely to misbehave without the GIL. */
  WARNING,
  /** Worth knowing; rarely wrong on its own. */
  INFO;

  /** The lower-case name used in config files, flags and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The label for a count of findings: {@code 1 error}, {@code 2 errors}, {@code 3 info}. */
  public String label(int count) {
    return count == 1 || this == INFO ? label() : label() + "s";
  }

  /** True when this severity is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) <= 0;
  }

  /** Parses {@code error}, {@code warning} or {@code info}, ignoring case. */
  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(text.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
