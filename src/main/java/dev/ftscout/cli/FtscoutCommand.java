package dev.ftscout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code ftscout} command; all work happens in subcommands. */
@Command(
    name = "ftscout",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Is it time to move this Python codebase to free-threaded CPython (3.14t, no GIL),"
          + " and what exactly stands in the way?"
    },
    subcommands = {
      CheckCommand.class,
      ScanCommand.class,
      DepsCommand.class,
      ProbeCommand.class,
      TestCommand.class,
      BenchCommand.class,
      DoctorCommand.class,
      RulesCommand.class,
      CacheCommand.class,
      HistoryCommand.class,
      ReportCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;"
          + " 2 usage or input error; 3 internal error."
    })
public final class FtscoutCommand implements Runnable {
  @SuppressWarnings("NullAway.Init") // injected by picocli before run()
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (see ftscout --help)");
  }
}
