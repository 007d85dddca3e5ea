package dev.ftscout.deps.pep508;

import java.util.Locale;
import java.util.regex.Pattern;

/** PEP 503 name normalisation and validity. */
public final class Names {
  private static final Pattern VALID =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);

  private Names() {}

  /**
   * {@code packaging.utils.canonicalize_name}: lower case, runs of {@code -_.} become {@code -}.
   */
  public static String canonicalize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean dash = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        if (!dash) {
          sb.append('-');
          dash = true;
        }
      } else {
        sb.append(c);
        dash = false;
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** Whether the name is a valid distribution name (PEP 508 identifier rules). */
  public static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }
}
