package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.model.UserError;
import dev.ftscout.report.Report;
import dev.ftscout.rules.runtime.TestRule;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.testrun.TestRequest;
import dev.ftscout.runtime.testrun.TestRunException;
import dev.ftscout.runtime.testrun.TestRunner;
import dev.ftscout.scan.ScanResult;
import dev.ftscout.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout test}: the test suite under GIL, free-threaded and thread-stress runs, diffed. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run the project's test suite under each configuration: GIL build, free-threaded build,"
          + " free-threaded with PYTHON_GIL=0, and thread stress (every test concurrently in N"
          + " threads). Report tests that pass with the GIL but fail without it, fail only under"
          + " stress, are flaky, hang (with thread dumps) or crash. pytest and python -m unittest"
          + " are recognised; any other command is run as it is.",
      "",
      "Usage: ftscout test [OPTIONS] -- python -m pytest tests"
    },
    footer = {
      "",
      "Markers respected: pytest-run-parallel's thread_unsafe and parallel_threads(n),"
          + " iterations(n), pytest's skip/xfail, ftscout_thread_unsafe and"
          + " ftscout_per_thread(*fixtures); unittest: __ftscout_thread_unsafe__ = \"reason\".",
      "Exit codes: 0 no regression at or above --fail-on; 1 regressions against the GIL"
          + " baseline; 2 usage error or no usable interpreter; 3 internal error."
    })
public final class TestCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The test command, after --.")
  List<String> command = new ArrayList<>();

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description =
          "An interpreter to run under (repeatable; default: python3 on PATH and the free-threaded"
              + " interpreter doctor recommends).")
  List<Path> pythons = new ArrayList<>();

  @Option(
      names = "--stress",
      paramLabel = "N",
      defaultValue = "4",
      description = "Threads per test in the stress run; 0 for none (default: ${DEFAULT-VALUE}).")
  int stress = 4;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      defaultValue = "5",
      description = "Times each thread runs each test under stress (default: ${DEFAULT-VALUE}).")
  int iterations = 5;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      defaultValue = "1",
      description = "Run each configuration R times; flaky tests show (default: ${DEFAULT-VALUE}).")
  int repeat = 1;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Per-test timeout: longer is a hang, and every thread is dumped (default:"
              + " ${DEFAULT-VALUE}).")
  int timeout = 60;

  @Option(
      names = "--per-thread-fixtures",
      paramLabel = "NAME",
      split = ",",
      description = "pytest fixtures to evaluate once per thread under stress.")
  List<String> perThreadFixtures = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin RuleOptions rules = new RuleOptions();

  public TestCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() {
    if (stress < 0 || iterations < 1 || repeat < 1 || timeout < 1) {
      throw new UserError(
          "--stress must be 0 or more; --iterations, --repeat and --timeout at least 1");
    }
    Config config = rules.config(components.configLoader(), terminal, terminal.workingDir());
    TestRequest request =
        TestRequest.of(command, terminal.workingDir())
            .withPythons(pythons.stream().map(this::resolve).toList())
            .withStress(stress, iterations)
            .withRepeat(repeat)
            .withPerTestTimeout(Duration.ofSeconds(timeout))
            .withPerThreadFixtures(perThreadFixtures);
    InterpreterDiscovery discovery =
        new InterpreterDiscovery(
            components.runner(), RuntimeReports.roots(terminal), terminal.workingDir());
    TestEvidence evidence;
    try {
      evidence =
          new TestRunner(components.runner(), discovery, terminal.env())
              .run(request, TerminalProgress.forTerminal(terminal, output.quiet));
    } catch (TestRunException e) {
      throw new UserError(String.valueOf(e.getMessage()), e);
    }
    evidence = withScanFindings(evidence, config);
    TestEvidence facts = evidence;
    Report report =
        RuntimeReports.report(
            "test",
            config,
            components,
            TestRule.class,
            r -> r.check(facts),
            RuntimeEvidence.of(evidence));
    Reports.emit(report, output, terminal, components);
    return report.failed() ? 1 : 0;
  }

  /** Joins each problem with the scan findings in the files its traceback went through. */
  private TestEvidence withScanFindings(TestEvidence evidence, Config config) {
    Set<Path> files = new LinkedHashSet<>();
    evidence
        .problems()
        .forEach(p ->
            p.files().stream()
                .map(f -> config.root().resolve(f))
                .filter(Files::isRegularFile)
                .forEach(files::add));
    if (files.isEmpty() || components.analyzers().isEmpty()) {
      return evidence;
    }
    ScanResult scan =
        new Scanner(components.registry(), components.analyzers(), components.json())
            .scan(List.copyOf(files), config);
    List<TestEvidence.Problem> joined = new ArrayList<>();
    for (TestEvidence.Problem p : evidence.problems()) {
      List<String> related =
          scan.findings().stream()
              .filter(f -> p.files().contains(f.path()))
              .map(f -> f.location() + " " + f.ruleId())
              .toList();
      joined.add(related.isEmpty() ? p : p.withRelatedFindings(related));
    }
    return evidence.withProblems(joined);
  }

  /** A path relative to the working folder, or a bare name left for PATH lookup. */
  private Path resolve(Path p) {
    return p.getNameCount() == 1 && !p.isAbsolute() && !p.toString().startsWith(".")
        ? p
        : terminal.workingDir().resolve(p).normalize();
  }
}
