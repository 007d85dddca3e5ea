package dev.ftscout.runtime.discovery;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment ftscout gives the Python processes it starts: the user's own, less the variables
 * that would change what we observe (forcing the GIL on or off, warning filters, verbose or
 * interactive modes, start-up scripts).
 */
public final class PythonEnvironment {
  /** Removed: each one changes the GIL state, the warnings we rely on, or start-up behaviour. */
  public static final Set<String> REMOVED =
      Set.of(
          "PYTHON_GIL",
          "PYTHONWARNINGS",
          "PYTHONVERBOSE",
          "PYTHONSTARTUP",
          "PYTHONINSPECT",
          "PYTHONDEVMODE",
          "PYTHONFAULTHANDLER",
          "PYTHON_CONTEXT_AWARE_WARNINGS",
          "PYTHON_THREAD_INHERIT_CONTEXT",
          "PYTHONBREAKPOINT");

  private PythonEnvironment() {}

  /**
   * {@code environment} without {@link #REMOVED}, with UTF-8 I/O so our parsers read one encoding.
   */
  public static Map<String, String> clean(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    REMOVED.forEach(env::remove);
    env.put("PYTHONIOENCODING", "utf-8");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    return env;
  }
}
