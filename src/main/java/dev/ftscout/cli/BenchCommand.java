package dev.ftscout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ftscout.config.Config;
import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.model.UserError;
import dev.ftscout.report.BenchJson;
import dev.ftscout.report.Report;
import dev.ftscout.rules.Rule;
import dev.ftscout.runtime.bench.Bench;
import dev.ftscout.runtime.bench.BenchComparison;
import dev.ftscout.runtime.bench.BenchException;
import dev.ftscout.runtime.bench.BenchRequest;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout bench}: what free-threading costs and buys on CPU-bound workloads. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure workloads on each interpreter in fresh processes (warm-ups, several values, median"
          + " and spread): single-thread time (the free-threading tax), wall time and speed-up"
          + " for 1..N threads with an Amdahl fit, the same work in N processes, peak memory and"
          + " GC pauses.",
      "Built-in workloads: mandelbrot, montecarlo, nbody, json, regex, alloc, dicts; or"
          + " module:function, or a script.py."
    },
    footer = {
      "",
      "Exit codes: 0 measured; 2 usage error or a workload that fails; 3 internal error."
    })
public final class BenchCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(
      paramLabel = "WORKLOAD",
      arity = "0..*",
      description = "Workloads (default: every built-in one).")
  List<String> workloads = new ArrayList<>();

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description =
          "An interpreter to measure (repeatable; default: python3 on PATH and the free-threaded"
              + " interpreter doctor recommends).")
  List<Path> pythons = new ArrayList<>();

  @Option(
      names = "--threads",
      paramLabel = "N,N",
      split = ",",
      description = "Worker counts (default: 1,2,4,8).")
  List<Integer> threads = new ArrayList<>(List.of(1, 2, 4, 8));

  @Option(names = "--no-processes", description = "Skip the same work in a process pool.")
  boolean noProcesses;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Fresh processes per measurement (default: ${DEFAULT-VALUE}).")
  int runs = 3;

  @Option(
      names = "--values",
      paramLabel = "N",
      defaultValue = "3",
      description = "Timed values per process (default: ${DEFAULT-VALUE}).")
  int values = 3;

  @Option(
      names = "--warmups",
      paramLabel = "N",
      defaultValue = "1",
      description = "Untimed values first (default: ${DEFAULT-VALUE}).")
  int warmups = 1;

  @Option(
      names = "--units",
      paramLabel = "N",
      defaultValue = "16",
      description = "Work units split over the workers (default: ${DEFAULT-VALUE}).")
  int units = 16;

  @Option(
      names = "--scale",
      paramLabel = "X",
      defaultValue = "1.0",
      description = "Size of a built-in unit relative to its default (default: ${DEFAULT-VALUE}).")
  double scale = 1.0;

  @Option(
      names = "--compare",
      arity = "2",
      paramLabel = "JSON",
      description = "Compare two JSON reports of earlier runs (old, new) instead of measuring.")
  List<Path> compare = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin RuleOptions rules = new RuleOptions();

  public BenchCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() {
    if (!compare.isEmpty()) {
      BenchEvidence before = read(compare.get(0));
      BenchEvidence after = read(compare.get(1));
      terminal.out().print(BenchComparison.text(BenchComparison.compare(before, after)));
      terminal.out().flush();
      return 0;
    }
    if (threads.isEmpty() || threads.stream().anyMatch(n -> n < 1)) {
      throw new UserError("--threads: expected worker counts of at least 1, got " + threads);
    }
    if (runs < 1 || values < 1 || warmups < 0 || units < 1 || !(scale > 0)) {
      throw new UserError("--runs, --values, --units and --scale must be positive");
    }
    Config config = rules.config(components.configLoader(), terminal, terminal.workingDir());
    BenchRequest request =
        BenchRequest.defaults(terminal.workingDir())
            .with(workloads, pythons.stream().map(p -> resolve(p)).toList(), threads)
            .withRepetitions(runs, values, warmups)
            .withWork(units, scale, !noProcesses);
    InterpreterDiscovery discovery =
        new InterpreterDiscovery(
            components.runner(), RuntimeReports.roots(terminal), terminal.workingDir());
    BenchEvidence evidence;
    try {
      evidence =
          new Bench(components.runner(), discovery, terminal.env())
              .run(request, TerminalProgress.forTerminal(terminal, output.quiet));
    } catch (BenchException e) {
      throw new UserError(String.valueOf(e.getMessage()), e);
    }
    Report report =
        RuntimeReports.report(
            "bench",
            config,
            components,
            NoRule.class,
            r -> List.of(),
            RuntimeEvidence.of(evidence));
    Reports.emit(report, output, terminal, components);
    return 0;
  }

  /** Benchmarks produce evidence, not findings: no rule family reads them. */
  private interface NoRule extends Rule {}

  private BenchEvidence read(Path file) {
    Path p = terminal.workingDir().resolve(file);
    try {
      JsonNode tree = components.json().readTree(Files.readString(p));
      return BenchJson.read(tree)
          .orElseThrow(() -> new UserError(file + ": not a JSON report of ftscout bench"));
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private Path resolve(Path p) {
    return p.getNameCount() == 1 && !p.isAbsolute() && !p.toString().startsWith(".")
        ? p
        : terminal.workingDir().resolve(p).normalize();
  }
}
