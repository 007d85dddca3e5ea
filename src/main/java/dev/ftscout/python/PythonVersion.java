package dev.ftscout.python;

import java.util.Optional;

/**
 * A Python language version ({@code major.minor}) that source code targets. The parser accepts the
 * 3.8–3.14 grammar and reports syntax that is newer than the target as an error.
 */
public record PythonVersion(int major, int minor) implements Comparable<PythonVersion> {
  public static final PythonVersion PY38 = new PythonVersion(3, 8);
  public static final PythonVersion PY39 = new PythonVersion(3, 9);
  public static final PythonVersion PY310 = new PythonVersion(3, 10);
  public static final PythonVersion PY311 = new PythonVersion(3, 11);
  public static final PythonVersion PY312 = new PythonVersion(3, 12);
  public static final PythonVersion PY313 = new PythonVersion(3, 13);
  public static final PythonVersion PY314 = new PythonVersion(3, 14);

  /** The oldest version whose grammar is modelled. */
  public static final PythonVersion OLDEST = PY38;

  /** The newest version whose grammar is modelled. */
  public static final PythonVersion LATEST = PY314;

  public PythonVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("negative version " + major + "." + minor);
    }
  }

  /** Parses {@code "3.12"} (also {@code "3.12.1"}, {@code "py312"}, {@code "312"}). */
  public static Optional<PythonVersion> parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.startsWith("py")) {
      t = t.substring(2);
    }
    try {
      int dot = t.indexOf('.');
      if (dot < 0) {
        if (t.length() < 2 || !t.chars().allMatch(Character::isDigit)) {
          return Optional.empty();
        }
        return Optional.of(
            new PythonVersion(
                Integer.parseInt(t.substring(0, 1)), Integer.parseInt(t.substring(1))));
      }
      int second = t.indexOf('.', dot + 1);
      String minor = second < 0 ? t.substring(dot + 1) : t.substring(dot + 1, second);
      return Optional.of(
          new PythonVersion(Integer.parseInt(t.substring(0, dot)), Integer.parseInt(minor)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether this version is {@code other} or newer. */
  public boolean atLeast(PythonVersion other) {
    return compareTo(other) >= 0;
  }

  /** Whether this version is {@code major.minor} or newer. */
  public boolean atLeast(int major, int minor) {
    return atLeast(new PythonVersion(major, minor));
  }

  @Override
  public int compareTo(PythonVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
