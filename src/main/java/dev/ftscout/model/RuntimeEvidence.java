package dev.ftscout.model;

import java.util.Optional;

/**
 * The evidence from running Python that a report carries besides static findings: the import probe,
 * the test-suite runs, the benchmarks. Each is present only when it ran.
 */
public record RuntimeEvidence(
    Optional<ProbeEvidence> probe, Optional<TestEvidence> tests, Optional<BenchEvidence> bench) {

  /** No runtime evidence: the static commands. */
  public static RuntimeEvidence none() {
    return new RuntimeEvidence(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static RuntimeEvidence of(ProbeEvidence probe) {
    return new RuntimeEvidence(Optional.of(probe), Optional.empty(), Optional.empty());
  }

  public static RuntimeEvidence of(TestEvidence tests) {
    return new RuntimeEvidence(Optional.empty(), Optional.of(tests), Optional.empty());
  }

  public static RuntimeEvidence of(BenchEvidence bench) {
    return new RuntimeEvidence(Optional.empty(), Optional.empty(), Optional.of(bench));
  }

  public boolean isEmpty() {
    return probe.isEmpty() && tests.isEmpty() && bench.isEmpty();
  }
}
