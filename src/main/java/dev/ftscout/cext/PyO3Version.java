package dev.ftscout.cext;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyO3 version a crate builds with, as far as {@code Cargo.lock} (exact) or the {@code
 * Cargo.toml} requirement (its lower bound) tells.
 *
 * <p>PyO3 0.23 added {@code #[pymodule(gil_used = false)]}; modules still defaulted to requiring
 * the GIL. PyO3 0.28 switched the default: modules support free-threaded Python unless they say
 * {@code gil_used = true} (PyO3 migration guide, "from 0.27.* to 0.28").
 *
 * @param major major version
 * @param minor minor version
 * @param text the version or requirement as written
 * @param source where it was read, e.g. {@code Cargo.lock} or {@code Cargo.toml}
 */
public record PyO3Version(int major, int minor, String text, String source) {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  /** The lower bound of a Cargo version requirement such as {@code 0.22}, {@code ^0.23.3}. */
  public static Optional<PyO3Version> parse(String requirement, String source) {
    Matcher m = VERSION.matcher(requirement);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PyO3Version(
              Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), requirement, source));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private boolean atLeast(int wantMinor) {
    return major > 0 || minor >= wantMinor;
  }

  /** Whether {@code #[pymodule(gil_used = false)]} exists (0.23 and later). */
  public boolean canDeclare() {
    return atLeast(23);
  }

  /** Whether a module without {@code gil_used} is declared GIL-free (0.28 and later). */
  public boolean defaultsToGilFree() {
    return atLeast(28);
  }

  @Override
  public String toString() {
    return major + "." + minor + " (" + text + " in " + source + ")";
  }
}
