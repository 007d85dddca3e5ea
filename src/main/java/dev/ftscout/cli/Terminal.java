package dev.ftscout.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process's surroundings, passed in so that commands can be run in-process by tests: output
 * streams, environment variables, the working folder, and whether stdout/stderr are terminals.
 */
public record Terminal(
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    Path workingDir,
    boolean stdoutIsTty,
    boolean stderrIsTty) {

  public Terminal {
    env = Map.copyOf(env);
  }

  /** The real process's terminal. */
  public static Terminal system() {
    boolean tty = consoleIsTerminal();
    return new Terminal(
        System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(), tty, tty);
  }

  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name));
  }

  /**
   * Colour on stdout: forced by {@code FORCE_COLOR}, off with {@code --no-color}, {@code NO_COLOR}
   * (any value, per no-color.org) or {@code TERM=dumb}, else on when stdout is a terminal.
   */
  public boolean colorOnStdout(boolean noColorFlag) {
    if (noColorFlag || env.containsKey("NO_COLOR")) {
      return false;
    }
    if (env.containsKey("FORCE_COLOR")) {
      return true;
    }
    return stdoutIsTty && !"dumb".equals(env.get("TERM"));
  }

  /**
   * Whether the JVM's console is an interactive terminal. Since JDK 22 {@code System.console()}
   * exists even when output is redirected and {@code Console.isTerminal()} tells; we compile for
   * 21, so that method is looked up at run time.
   */
  @SuppressWarnings("SystemConsoleNull") // null on JDK 21, handled; isTerminal() decides on 22+
  private static boolean consoleIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
