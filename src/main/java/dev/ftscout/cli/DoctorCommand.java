package dev.ftscout.cli;

import dev.ftscout.model.UserError;
import dev.ftscout.runtime.discovery.Doctor;
import dev.ftscout.runtime.discovery.DoctorReport;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.render.RuntimeJson;
import dev.ftscout.runtime.render.RuntimeText;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ftscout doctor}: the interpreters on this machine and which are free-threaded. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Find the Python interpreters on this machine (FTSCOUT_FT_PYTHON, active venv and conda env,"
          + " PATH, pyenv, uv, conda, py launcher), say which are free-threaded builds, which one"
          + " probe/test/bench would use, and how to get one when there is none."
    },
    footer = {"", "Exit codes: 0 always (unless the arguments are wrong: 2)."})
public final class DoctorCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  String format = "text";

  public DoctorCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() {
    boolean json =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "text" -> false;
          case "json" -> true;
          default -> throw new UserError("--format: expected text or json, got '" + format + "'");
        };
    InterpreterDiscovery discovery =
        new InterpreterDiscovery(
            components.runner(), RuntimeReports.roots(terminal), terminal.workingDir());
    DoctorReport report = new Doctor(discovery).examine();
    String out = json ? new RuntimeJson().write(report) + "\n" : new RuntimeText().doctor(report);
    terminal.out().print(out);
    terminal.out().flush();
    return 0;
  }
}
