package dev.ftscout.testing;

import dev.ftscout.cli.Cli;
import dev.ftscout.cli.Components;
import dev.ftscout.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process and captures what it printed. */
public final class CliRun {
  private CliRun() {}

  /** Exit code and both output streams of one run. */
  public record Result(int exitCode, String out, String err) {}

  /** Runs {@code args} in {@code workingDir} with the production wiring and no colour. */
  public static Result run(Path workingDir, String... args) {
    return run(Components.standard(), workingDir, Map.of("NO_COLOR", "1"), args);
  }

  /** Runs {@code args} with the given wiring and environment. */
  public static Result run(
      Components components, Path workingDir, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Map<String, String> environment = new HashMap<>(env);
    int code =
        new Cli(new Terminal(o, e, environment, workingDir, false, false), components)
            .execute(args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
