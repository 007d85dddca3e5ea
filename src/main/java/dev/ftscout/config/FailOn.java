package dev.ftscout.config;

import dev.ftscout.model.Severity;
import java.util.Locale;
import java.util.Optional;

/** The lowest severity that makes a run exit with code 1; {@link #NEVER} never does. */
public enum FailOn {
  ERROR,
  WARNING,
  INFO,
  NEVER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a finding of this severity fails the run. */
  public boolean fails(Severity severity) {
    return switch (this) {
      case ERROR -> severity == Severity.ERROR;
      case WARNING -> severity != Severity.INFO;
      case INFO -> true;
      case NEVER -> false;
    };
  }

  public static Optional<FailOn> parse(String text) {
    for (FailOn f : values()) {
      if (f.label().equalsIgnoreCase(text.trim())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
