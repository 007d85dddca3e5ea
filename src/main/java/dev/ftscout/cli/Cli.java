package dev.ftscout.cli;

import dev.ftscout.model.UserError;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The command line, wired to a {@link Terminal} and {@link Components}: parses arguments, runs the
 * command, and maps every outcome to an exit code (0/1 from the command, 2 for usage and user
 * errors, 3 for internal errors).
 */
public final class Cli {
  /** Exit code for usage errors and {@link UserError}s. */
  public static final int USAGE = 2;

  /** Exit code for bugs. */
  public static final int INTERNAL = 3;

  private final Terminal terminal;
  private final Components components;

  public Cli(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  /** Runs one command line and returns its exit code. */
  public int execute(String... args) {
    CommandLine cli = new CommandLine(FtscoutCommand.class, new Factory());
    cli.setOut(utf8(terminal.out()));
    cli.setErr(utf8(terminal.err()));
    cli.setExitCodeExceptionMapper(e -> e instanceof UserError ? USAGE : INTERNAL);
    cli.setParameterExceptionHandler((ex, argv) -> {
      terminal.err().println("ftscout: " + ex.getMessage());
      terminal.err().println("Try 'ftscout " + commandName(ex.getCommandLine()) + " --help'.");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UserError) {
        terminal.err().println("ftscout: error: " + ex.getMessage());
        return USAGE;
      }
      boolean verbose =
          parseResult.originalArgs().contains("--verbose")
              || parseResult.originalArgs().contains("-v");
      terminal.err().println("ftscout: internal error: " + ex);
      if (verbose) {
        ex.printStackTrace(terminal.err());
      } else {
        terminal.err().println("This is a bug. Rerun with --verbose for the stack trace.");
      }
      return INTERNAL;
    });
    return cli.execute(args);
  }

  private static PrintWriter utf8(java.io.PrintStream stream) {
    return new PrintWriter(
        new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), true);
  }

  private static String commandName(CommandLine cl) {
    String name = cl.getCommandSpec().qualifiedName(" ");
    return name.startsWith("ftscout ") ? name.substring("ftscout ".length()) : "";
  }

  /** Creates commands with the terminal and components through their constructors. */
  private final class Factory implements IFactory {
    private final IFactory fallback = CommandLine.defaultFactory();

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> c = type.getDeclaredConstructor(Terminal.class, Components.class);
        return c.newInstance(terminal, components);
      } catch (NoSuchMethodException e) {
        return fallback.create(type);
      }
    }
  }
}
