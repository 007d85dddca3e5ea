package dev.ftscout.runtime.probe;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two texts CPython writes when an extension module without GIL-free support loads in a
 * free-threaded interpreter (Python/import.c, 3.13 and 3.14):
 *
 * <ul>
 *   <li>the {@code RuntimeWarning}, once per interpreter: {@code The global interpreter lock (GIL)
 *       has been enabled to load module '<name>', which has not declared that it can run safely
 *       without the GIL. To override this behavior and keep the GIL disabled (at your own risk),
 *       run with PYTHON_GIL=0 or -Xgil=0.}, shown from {@code <frozen importlib._bootstrap>} (line
 *       488 on 3.13, 491 on 3.14);
 *   <li>with {@code -v} and the GIL setting at its default, for every such module: {@code # loading
 *       module '<name>', which requires the GIL}.
 * </ul>
 */
public final class GilEvidence {
  private static final Pattern WARNING =
      Pattern.compile(
          "The global interpreter lock \\(GIL\\) has been enabled to load module '([^']+)', which"
              + " has not declared that it can run safely without the GIL\\. To override this"
              + " behavior and keep the GIL disabled \\(at your own risk\\), run with PYTHON_GIL=0"
              + " or -Xgil=0\\.");
  private static final Pattern VERBOSE =
      Pattern.compile("^# loading module '([^']+)', which requires the GIL$");

  private GilEvidence() {}

  /**
   * The module a GIL warning names: the bare message, or the line {@code warnings} prints ({@code
   * <frozen importlib._bootstrap>:488: RuntimeWarning: The global ...}).
   */
  public static Optional<String> moduleFromWarning(String text) {
    Matcher m = WARNING.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The module a {@code -v} "requires the GIL" line names. */
  public static Optional<String> moduleFromVerboseLine(String line) {
    Matcher m = VERBOSE.matcher(line.strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The warning text CPython emits for {@code module}. */
  public static String warningText(String module) {
    return "The global interpreter lock (GIL) has been enabled to load module '"
        + module
        + "', which has not declared that it can run safely without the GIL. To override this"
        + " behavior and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or"
        + " -Xgil=0.";
  }

  /** The {@code -v} line CPython writes for {@code module}. */
  public static String verboseLine(String module) {
    return "# loading module '" + module + "', which requires the GIL";
  }
}
