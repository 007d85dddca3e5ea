package dev.ftscout.check;

import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.Finding;
import dev.ftscout.model.ProbeEvidence;
import dev.ftscout.model.Severity;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.scan.Scanner;
import dev.ftscout.verdict.VerdictInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Summarises the evidence of each part of a check into what the verdict weighs: counts, culprits,
 * the best speed-up. Pure functions over the evidence records.
 */
public final class VerdictInputs {
  private VerdictInputs() {}

  /** How many of the most serious findings the verdict quotes. */
  static final int TOP_HAZARDS = 3;

  /** The project's own findings, the most serious first. */
  public static VerdictInput.Hazards hazards(List<Finding> findings) {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (Finding f : findings) {
      switch (f.severity()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        case INFO -> infos++;
      }
    }
    List<Finding> top =
        findings.stream()
            .filter(f -> f.severity() != Severity.INFO)
            .sorted(Comparator.comparing(Finding::severity).thenComparing(Scanner.ORDER))
            .limit(TOP_HAZARDS)
            .toList();
    return new VerdictInput.Hazards(errors, warnings, infos, top);
  }

  /** The probe's culprits, crashes and failures. */
  public static VerdictInput.Probe probe(ProbeEvidence probe) {
    List<VerdictInput.Culprit> culprits =
        probe.culprits().stream()
            .map(c ->
                new VerdictInput.Culprit(
                    c.module(), c.distribution(), c.version(), c.evidence(), c.chain()))
            .toList();
    List<String> crashes = new ArrayList<>();
    probe.withStatus(ProbeEvidence.Status.CRASHED).forEach(m -> crashes.add(m.name()));
    List<String> failures =
        probe.withStatus(ProbeEvidence.Status.IMPORT_FAILED).stream()
            .map(ProbeEvidence.Module::name)
            .toList();
    return new VerdictInput.Probe(
        probe.interpreter() + " " + probe.shortVersion(),
        probe.freeThreaded(),
        probe.modules().size(),
        culprits,
        crashes,
        failures);
  }

  /** The test comparison: regressions by kind, a few failing test ids. */
  public static VerdictInput.Tests tests(TestEvidence tests) {
    boolean freeThreaded = tests.configurations().stream().anyMatch(c -> c.freeThreaded());
    List<String> examples =
        tests.problems().stream().map(TestEvidence.Problem::test).distinct().limit(5).toList();
    return new VerdictInput.Tests(
        String.join(" ", tests.command()),
        freeThreaded,
        tests.tests().size(),
        count(tests, TestEvidence.Kind.FAILS_FREE_THREADED),
        count(tests, TestEvidence.Kind.FAILS_UNDER_STRESS) + count(tests, TestEvidence.Kind.FLAKY),
        count(tests, TestEvidence.Kind.HANGS),
        count(tests, TestEvidence.Kind.CRASHES),
        examples);
  }

  private static int count(TestEvidence tests, TestEvidence.Kind kind) {
    return (int) tests.problems(kind).stream().map(TestEvidence.Problem::test).distinct().count();
  }

  /**
   * The best thread speed-up, preferring a free-threaded interpreter's curve, and the single-thread
   * tax of that workload when both builds ran.
   */
  public static Optional<VerdictInput.Bench> bench(BenchEvidence bench) {
    List<String> freeThreaded =
        bench.interpreters().stream()
            .filter(BenchEvidence.Interpreter::freeThreaded)
            .map(BenchEvidence.Interpreter::label)
            .toList();
    VerdictInput.Bench best = null;
    for (BenchEvidence.Workload w : bench.workloads()) {
      for (BenchEvidence.Series s : w.series()) {
        if (s.mode() != BenchEvidence.Mode.THREADS) {
          continue;
        }
        boolean ft = freeThreaded.contains(s.interpreter());
        for (BenchEvidence.Point p : s.points()) {
          double speedup = s.speedup(p);
          if (Double.isNaN(speedup) || p.workers() < 2) {
            continue;
          }
          boolean better =
              best == null
                  || (ft && !best.freeThreaded())
                  || (ft == best.freeThreaded() && speedup > best.bestSpeedup());
          if (better) {
            OptionalDouble tax =
                bench.taxes().stream()
                    .filter(t -> t.workload().equals(w.name()))
                    .mapToDouble(BenchEvidence.Tax::timeRatio)
                    .findFirst();
            best = new VerdictInput.Bench(w.name(), ft, speedup, p.workers(), tax);
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
