package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.model.UserError;
import dev.ftscout.report.Report;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.scan.Baseline;
import dev.ftscout.scan.ScanResult;
import dev.ftscout.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout scan}: static hazards in the project's Python and extension sources. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Find what keeps a project from running without the GIL: races on shared state in its"
          + " Python sources, and missing declarations and unsafe APIs in its extension sources"
          + " (C, C++, Cython, pybind11, nanobind, PyO3, build files). Never runs the project's"
          + " code.",
    },
    footer = {
      "",
      "Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage or input"
          + " error; 3 internal error."
    })
public final class ScanCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files or folders to scan (default: the current folder).")
  List<Path> paths = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin RuleOptions rules = new RuleOptions();

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Record every current finding in FILE as accepted, and exit 0.")
  @Nullable Path writeBaseline;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Analyse up to N files at once (default: the number of processors).")
  @Nullable Integer jobs;

  @Option(
      names = "--report-unused-suppressions",
      description = "List `ftscout: ignore[...]` comments that suppress nothing.")
  boolean reportUnused;

  public ScanCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() {
    List<Path> targets =
        paths.isEmpty()
            ? List.of(terminal.workingDir())
            : paths.stream().map(p -> terminal.workingDir().resolve(p)).toList();
    Config config = rules.config(components.configLoader(), terminal, targets.get(0));
    int parallel = jobs == null ? AnalysisContext.defaultJobs() : jobs;
    if (parallel < 1) {
      throw new UserError("--jobs: expected a number of at least 1, got " + parallel);
    }
    ScanResult result =
        new Scanner(components.registry(), components.analyzers(), components.json())
            .scan(targets, config, parallel);
    if (writeBaseline != null) {
      Path file = terminal.workingDir().resolve(writeBaseline);
      OutputFiles.writeAtomically(file, Baseline.render(result.unfiltered(), components.json()));
      terminal
          .err()
          .println(
              "Wrote " + result.unfiltered().size() + " accepted findings to " + writeBaseline);
      return 0;
    }
    Report report = Reports.of("scan", result, config, components, reportUnused);
    Reports.emit(report, output, terminal, components);
    return report.failed() ? 1 : 0;
  }
}
