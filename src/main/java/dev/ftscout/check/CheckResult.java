package dev.ftscout.check;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.scan.ScanResult;
import dev.ftscout.verdict.Assessment;
import java.util.List;
import java.util.Optional;

/**
 * Everything a check produced.
 *
 * @param scan the static scan
 * @param findings all findings (scan, dependencies, runtime) after config and baseline
 * @param unfiltered the same before the baseline (what {@code --write-baseline} records)
 * @param baselined findings hidden by the baseline
 * @param dependencies the dependency audit, when it ran
 * @param runtime the runtime evidence that was gathered
 * @param concurrency workload signals from sources and dependencies
 * @param assessment the verdict
 * @param internalFailure whether a part failed because of a bug (exit code 3)
 */
public record CheckResult(
    ScanResult scan,
    List<Finding> findings,
    List<Finding> unfiltered,
    int baselined,
    Optional<Steps.DependencyOutcome> dependencies,
    RuntimeEvidence runtime,
    ConcurrencyFacts concurrency,
    Assessment assessment,
    boolean internalFailure) {
  public CheckResult {
    findings = List.copyOf(findings);
    unfiltered = List.copyOf(unfiltered);
  }
}
