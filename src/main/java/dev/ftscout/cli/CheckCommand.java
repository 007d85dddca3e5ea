package dev.ftscout.cli;

import dev.ftscout.check.Check;
import dev.ftscout.check.CheckRequest;
import dev.ftscout.check.CheckResult;
import dev.ftscout.check.DependencySummary;
import dev.ftscout.check.Steps;
import dev.ftscout.config.CheckSettings;
import dev.ftscout.config.Config;
import dev.ftscout.deps.audit.AuditTables;
import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.Support;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.history.HistoryStore;
import dev.ftscout.history.RunRecord;
import dev.ftscout.history.RunSummary;
import dev.ftscout.history.StoredDependency;
import dev.ftscout.history.StoredFinding;
import dev.ftscout.model.DependencyTable;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Fingerprints;
import dev.ftscout.model.Progress;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.UserError;
import dev.ftscout.model.Version;
import dev.ftscout.report.Report;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.runtime.ProbeFacts;
import dev.ftscout.rules.runtime.ProbeRule;
import dev.ftscout.rules.runtime.TestRule;
import dev.ftscout.runtime.bench.Bench;
import dev.ftscout.runtime.bench.BenchRequest;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.probe.Probe;
import dev.ftscout.runtime.probe.ProbeException;
import dev.ftscout.runtime.probe.ProbeRequest;
import dev.ftscout.runtime.probe.ProbeResult;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessSpec;
import dev.ftscout.runtime.render.RuntimeText;
import dev.ftscout.runtime.testrun.TestRequest;
import dev.ftscout.runtime.testrun.TestRunner;
import dev.ftscout.scan.Baseline;
import dev.ftscout.scan.Scanner;
import dev.ftscout.verdict.Reason;
import dev.ftscout.verdict.VerdictEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout check}: the verdict — No, Maybe or Yes — with its reasons and next steps. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Is it time to move this project to free-threaded CPython? Scans the project's Python and"
          + " extension sources and audits its dependencies (nothing of the project is run), then"
          + " gives the verdict with its reasons and next steps. With --probe, --test or --bench"
          + " (or probe, test, bench in [tool.ftscout]) it also gathers runtime evidence in real"
          + " interpreters, which makes the verdict 'verified'."
    },
    footer = {
      "",
      "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or"
          + " input error; 3 internal error (also when a part failed with a bug; the report is"
          + " still written)."
    })
public final class CheckCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..1",
      description = "The project folder (default: the current folder).")
  @Nullable Path path;

  @Option(names = "--no-deps", description = "Skip the dependency audit.")
  boolean noDeps;

  @Option(
      names = "--probe",
      description = "Import every installed module in a free-threaded interpreter (runs code).")
  boolean probe;

  @Option(
      names = "--test",
      paramLabel = "COMMAND",
      description =
          "Run this test command with and without the GIL and under thread stress (runs code),"
              + " e.g. --test \"python -m pytest\".")
  @Nullable String test;

  @Option(
      names = "--bench",
      description = "Measure the single-thread tax and thread scaling (runs benchmark code).")
  boolean bench;

  @Option(
      names = "--workload",
      paramLabel = "NAME",
      description =
          "Workload for --bench: a built-in name, module:function or script.py (default:"
              + " mandelbrot). Repeatable.")
  List<String> workloads = new ArrayList<>();

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description = "Interpreter(s) for --probe, --test and --bench (repeatable; default: found).")
  List<Path> pythons = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "VENV",
      description = "The virtual environment whose modules --probe imports.")
  @Nullable Path env;

  @Option(
      names = "--allow-gil-build",
      description = "Let --probe run on a GIL build as an importability dry run.")
  boolean allowGilBuild;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description =
          "Record every current finding (sources, dependencies, runtime) in FILE as accepted,"
              + " and exit 0; pass it to --baseline later so only new findings fail.")
  @Nullable Path writeBaseline;

  @Option(names = "--save", description = "Record this run in the history (see `ftscout history`).")
  boolean save;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "The history database (default: $FTSCOUT_HISTORY or ~/.local/share/ftscout).")
  @Nullable Path history;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Files analysed at once (default: processors).")
  @Nullable Integer jobs;

  @Mixin AuditOptions audit = new AuditOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin RuleOptions rules = new RuleOptions();

  public CheckCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() {
    Path project = path == null ? terminal.workingDir() : terminal.workingDir().resolve(path);
    if (!Files.isDirectory(project)) {
      throw new UserError(
          path + (Files.exists(project) ? ": not a folder" : ": no such file or folder"));
    }
    Config config = rules.config(components.configLoader(), terminal, project);
    Progress progress = TerminalProgress.forTerminal(terminal, output.quiet);
    InterpreterDiscovery discovery =
        new InterpreterDiscovery(
            components.runner(), RuntimeReports.roots(terminal), terminal.workingDir());
    if (jobs != null && jobs < 1) {
      throw new UserError("--jobs: expected at least 1, got " + jobs);
    }
    CheckSettings configured = config.checks();
    Optional<Steps.Probe> probeStep =
        probe || configured.probe() ? Optional.of(probeStep(discovery)) : Optional.empty();
    Optional<Steps.Tests> testStep =
        Optional.ofNullable(test)
            .or(configured::test)
            .map(cmd -> testStep(discovery, ShellWords.split(cmd), project));
    Optional<Steps.Bench> benchStep =
        bench || configured.bench() ? Optional.of(benchStep(discovery, project)) : Optional.empty();
    boolean declaresDependencies = !new InputReaders(terminal.env()).detect(project).isEmpty();
    Optional<Steps.Dependencies> depsStep =
        noDeps || !declaresDependencies ? Optional.empty() : Optional.of(dependencyStep(project));
    Scanner scanner = new Scanner(components.registry(), components.analyzers(), components.json());
    CheckRequest request =
        new CheckRequest(
            path == null ? "." : path.toString(),
            List.of(project),
            config,
            depsStep,
            probeStep,
            testStep,
            benchStep,
            progress,
            jobs == null ? AnalysisContext.defaultJobs() : jobs,
            noDeps
                ? "switched off (--no-deps)"
                : "the project declares none (no requirements*.txt, pyproject.toml, lock file or"
                    + " environment.yml)");
    CheckResult result =
        new Check(scanner, VerdictEngine.standard(), components.json()).run(request);
    if (writeBaseline != null) {
      Path file = terminal.workingDir().resolve(writeBaseline);
      OutputFiles.writeAtomically(file, Baseline.render(result.unfiltered(), components.json()));
      terminal
          .err()
          .println(
              "Wrote " + result.unfiltered().size() + " accepted findings to " + writeBaseline);
      return result.internalFailure() ? Cli.INTERNAL : 0;
    }
    Report report = report(result, config);
    Reports.emit(report, output, terminal, components);
    if (save) {
      RunSummary saved = save(report, result, config);
      if (!output.quiet) {
        terminal
            .err()
            .println(
                "Saved as run "
                    + saved.id()
                    + " in "
                    + HistoryLocation.resolve(terminal, history)
                    + " (see `ftscout history`)");
      }
    }
    if (result.internalFailure()) {
      return Cli.INTERNAL;
    }
    return report.failed() ? 1 : 0;
  }

  private Report report(CheckResult result, Config config) {
    List<RuleInfo> enabled = result.scan().enabledRules();
    return new Report(
            Version.current(),
            "check",
            config.root().toString(),
            result.findings(),
            result.scan().extensionModules(),
            result.scan().skipped(),
            List.of(),
            result.scan().filesAnalyzed(),
            result.scan().suppressed(),
            result.baselined(),
            Reports.entries(enabled, components),
            config.failOn(),
            result.scan().concurrency())
        .withRuntime(result.runtime())
        .withDependencies(
            result
                .dependencies()
                .map(Steps.DependencyOutcome::table)
                .orElse(DependencyTable.none()))
        .withAssessment(result.assessment());
  }

  /** The dependency audit of the project's detected inputs against the user's index. */
  private Steps.Dependencies dependencyStep(Path project) {
    DependencyRun.Request request = DependencyRun.Request.detected(project, audit, output.verbose);
    return (config, progress) -> {
      DependencyRun.Outcome run =
          new DependencyRun(terminal, components).run(config, request, progress);
      return new Steps.DependencyOutcome(
          run.findings(),
          DependencySummary.evidence(run.result(), config.root()),
          DependencySummary.signals(run.result(), config.root()),
          DependencySummary.chains(run.result(), run.projectName()),
          run.result(),
          run.table());
    };
  }

  /** Every dependency's state per target, for the history's run-to-run comparison. */
  private static List<StoredDependency> dependencyStates(CheckResult result) {
    List<StoredDependency> states = new ArrayList<>();
    result
        .dependencies()
        .ifPresent(d -> {
          for (PackageReport p : d.audit().packages()) {
            p.targets()
                .forEach((target, status) ->
                    states.add(
                        new StoredDependency(
                            p.name(),
                            p.version(),
                            target,
                            AuditTables.status(status.support()).label(),
                            !status.support().blocker() && status.support() != Support.NOT_FOUND)));
          }
        });
    return states;
  }

  private Steps.Probe probeStep(InterpreterDiscovery discovery) {
    return (config, progress) -> {
      ProbeRequest request = ProbeRequest.defaults().withAllowGilBuild(allowGilBuild);
      if (!pythons.isEmpty()) {
        request = request.withPython(resolve(pythons.get(0)));
      }
      if (env != null) {
        request = request.withEnvironment(terminal.workingDir().resolve(env).normalize());
      }
      ProbeResult result;
      try {
        result = new Probe(components.runner(), discovery, terminal.env()).run(request);
      } catch (ProbeException e) {
        throw new UserError(new RuntimeText().probeError(e).strip(), e);
      }
      ProbeFacts facts = new ProbeFacts(result, config.root());
      List<Finding> findings =
          components.registry().ofType(ProbeRule.class).stream()
              .flatMap(r -> r.check(facts).stream())
              .toList();
      return new Steps.RuntimeOutcome<>(result.toEvidence(), findings);
    };
  }

  private Steps.Tests testStep(InterpreterDiscovery discovery, List<String> command, Path project) {
    if (command.isEmpty()) {
      throw new UserError("--test: empty command");
    }
    return (config, progress) -> {
      TestRequest request =
          TestRequest.of(command, project)
              .withPythons(pythons.stream().map(this::resolve).toList())
              .withPerTestTimeout(Duration.ofSeconds(60));
      var evidence =
          new TestRunner(components.runner(), discovery, terminal.env()).run(request, progress);
      List<Finding> findings =
          components.registry().ofType(TestRule.class).stream()
              .flatMap(r -> r.check(evidence).stream())
              .toList();
      return new Steps.RuntimeOutcome<>(evidence, findings);
    };
  }

  private Steps.Bench benchStep(InterpreterDiscovery discovery, Path project) {
    return (config, progress) -> {
      BenchRequest request =
          BenchRequest.defaults(project)
              .with(
                  workloads.isEmpty() ? List.of("mandelbrot") : workloads,
                  pythons.stream().map(this::resolve).toList(),
                  List.of(1, 2, 4));
      return new Bench(components.runner(), discovery, terminal.env()).run(request, progress);
    };
  }

  private RunSummary save(Report report, CheckResult result, Config config) {
    List<String> fingerprints = Fingerprints.of(report.findings());
    List<StoredFinding> findings = new ArrayList<>();
    for (int i = 0; i < report.findings().size(); i++) {
      Finding f = report.findings().get(i);
      findings.add(
          new StoredFinding(
              f.ruleId(),
              f.severity().label(),
              f.path(),
              f.span().line(),
              f.message(),
              fingerprints.get(i)));
    }
    Map<String, String> renderings = new LinkedHashMap<>();
    for (Format format : Format.values()) {
      renderings.put(
          format.name().toLowerCase(java.util.Locale.ROOT),
          Reports.writer(format, false, components).write(report));
    }
    RunRecord record =
        new RunRecord(
            new RunSummary(
                0,
                Instant.EPOCH,
                config.root().toString(),
                gitCommit(config.root()),
                report.toolVersion(),
                result.assessment().verdict().label(),
                result.assessment().confidence().label(),
                findings.size()),
            findings,
            dependencyStates(result),
            result.assessment().reasons().stream().map(Reason::title).toList(),
            renderings);
    try (HistoryStore store = HistoryStore.open(HistoryLocation.resolve(terminal, history))) {
      return store.save(record, Instant.now());
    }
  }

  /** The project's commit, or empty when it is not a git checkout or git is missing. */
  private String gitCommit(Path root) {
    try {
      ProcessResult r =
          components
              .runner()
              .run(
                  ProcessSpec.of(
                          List.of("git", "-C", root.toString(), "rev-parse", "HEAD"),
                          terminal.env(),
                          root)
                      .withTimeout(Duration.ofSeconds(10)));
      return r.succeeded() ? r.stdout().strip() : "";
    } catch (IOException e) {
      return "";
    }
  }

  private Path resolve(Path p) {
    return p.getNameCount() == 1 && !p.isAbsolute() && !p.toString().startsWith(".")
        ? p
        : terminal.workingDir().resolve(p).normalize();
  }
}
