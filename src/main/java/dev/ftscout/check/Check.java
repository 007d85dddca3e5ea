package dev.ftscout.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.Config;
import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.Finding;
import dev.ftscout.model.ProbeEvidence;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.model.UserError;
import dev.ftscout.scan.Baseline;
import dev.ftscout.scan.ScanResult;
import dev.ftscout.scan.Scanner;
import dev.ftscout.verdict.Assessment;
import dev.ftscout.verdict.VerdictEngine;
import dev.ftscout.verdict.VerdictInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ftscout check}: the static scan, the dependency audit and the runtime checks that were
 * asked for, then the verdict. A part that fails is named in the verdict and the others' results
 * are kept; only the scan, which reads nothing but the project's files, is required.
 */
public final class Check {
  private final Scanner scanner;
  private final VerdictEngine engine;
  private final ObjectMapper json;

  public Check(Scanner scanner, VerdictEngine engine, ObjectMapper json) {
    this.scanner = scanner;
    this.engine = engine;
    this.json = json;
  }

  /** Runs a check. */
  public CheckResult run(CheckRequest request) {
    Config config = request.config();
    ScanResult scan = scanner.scan(request.paths(), config, request.jobs());
    List<String> failures = new ArrayList<>();
    boolean[] internal = {false};
    List<Finding> extra = new ArrayList<>();

    Optional<Steps.DependencyOutcome> deps =
        request
            .dependencies()
            .flatMap(step ->
                attempt(
                    "dependency audit",
                    () -> step.audit(config, request.progress()),
                    failures,
                    internal));
    deps.ifPresent(d -> extra.addAll(d.findings()));

    Optional<Steps.RuntimeOutcome<ProbeEvidence>> probe =
        request
            .probe()
            .flatMap(step ->
                attempt("probe", () -> step.probe(config, request.progress()), failures, internal));
    Optional<ProbeEvidence> probeEvidence =
        probe.map(p -> deps.map(d -> p.evidence().withChains(d.chains())).orElse(p.evidence()));
    probe.ifPresent(p -> extra.addAll(p.findings()));

    Optional<Steps.RuntimeOutcome<TestEvidence>> tests =
        request
            .tests()
            .flatMap(step ->
                attempt(
                    "test run", () -> step.test(config, request.progress()), failures, internal));
    tests.ifPresent(t -> extra.addAll(t.findings()));

    Optional<BenchEvidence> bench =
        request
            .bench()
            .flatMap(step ->
                attempt(
                    "benchmark", () -> step.bench(config, request.progress()), failures, internal));

    Set<String> enabled =
        scan.enabledRules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    List<Finding> all = new ArrayList<>(scan.unfiltered());
    extra.stream()
        .filter(f -> enabled.contains(f.ruleId()))
        .map(f -> f.withSeverity(config.severityOf(f.ruleId(), f.severity())))
        .forEach(all::add);
    all.sort(Scanner.ORDER);
    List<Finding> reported = all;
    int baselined = 0;
    if (config.baseline().isPresent()) {
      Baseline.Outcome outcome = Baseline.read(config.baseline().get(), json).apply(all);
      reported = outcome.fresh();
      baselined = outcome.baselined();
    }

    ConcurrencyFacts concurrency =
        deps.map(d -> scan.concurrency().plus(d.signals())).orElse(scan.concurrency());
    VerdictInput.Dependencies depEvidence =
        deps.map(Steps.DependencyOutcome::evidence)
            .orElseGet(() ->
                VerdictInput.Dependencies.notAudited(
                    request.dependencies().isEmpty()
                        ? request.withoutDependencies()
                        : "the audit failed (see below)"));
    // FT201 is the missing or conditional GIL declaration itself: the verdict weighs it from the
    // extension modules (V03, V09), so counting it as a hazard too would say the same thing twice.
    List<Finding> ownFindings =
        scan.findings().stream()
            .filter(f -> f.ruleId().startsWith("FT1") || f.ruleId().startsWith("FT2"))
            .filter(f -> !f.ruleId().equals("FT201"))
            .toList();
    VerdictInput input =
        new VerdictInput(
            request.project(),
            concurrency,
            VerdictInputs.hazards(ownFindings),
            scan.extensionModules(),
            depEvidence,
            probeEvidence.map(VerdictInputs::probe),
            tests.map(t -> VerdictInputs.tests(t.evidence())),
            bench.flatMap(VerdictInputs::bench),
            failures);
    Assessment assessment = engine.assess(input);
    RuntimeEvidence runtime =
        new RuntimeEvidence(probeEvidence, tests.map(Steps.RuntimeOutcome::evidence), bench);
    return new CheckResult(
        scan, reported, all, baselined, deps, runtime, concurrency, assessment, internal[0]);
  }

  /** A part of the check that may fail without taking the others down. */
  @FunctionalInterface
  private interface Part<T> {
    T run() throws Exception;
  }

  private static <T> Optional<T> attempt(
      String name, Part<T> part, List<String> failures, boolean[] internal) {
    try {
      return Optional.of(part.run());
    } catch (UserError e) {
      failures.add(name + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(name + ": interrupted");
    } catch (Exception e) {
      internal[0] = true;
      failures.add(name + ": internal error: " + e + " (rerun with --verbose)");
    }
    return Optional.empty();
  }
}
