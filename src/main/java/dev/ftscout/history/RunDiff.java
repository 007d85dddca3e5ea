package dev.ftscout.history;

import java.util.List;
import java.util.Optional;

/**
 * What changed between two runs of the same project.
 *
 * @param from the older run
 * @param to the newer run
 * @param newFindings findings in {@code to} that {@code from} did not have
 * @param fixedFindings findings of {@code from} that are gone in {@code to}
 * @param dependencyChanges dependencies whose version or state changed, added or removed
 * @param verdictChange {@code Maybe → Yes} style text when the verdict changed
 */
public record RunDiff(
    RunSummary from,
    RunSummary to,
    List<StoredFinding> newFindings,
    List<StoredFinding> fixedFindings,
    List<DependencyChange> dependencyChanges,
    Optional<String> verdictChange) {

  public RunDiff {
    newFindings = List.copyOf(newFindings);
    fixedFindings = List.copyOf(fixedFindings);
    dependencyChanges = List.copyOf(dependencyChanges);
  }

  /**
   * One dependency's change for one target. A side that did not exist has an empty version.
   *
   * @param name distribution
   * @param target e.g. {@code 3.14t}
   * @param before its state in the older run
   * @param after its state in the newer run
   */
  public record DependencyChange(
      String name,
      String target,
      Optional<StoredDependency> before,
      Optional<StoredDependency> after) {

    /** Whether this change made the dependency work on the target. */
    public boolean becameReady() {
      return after.map(StoredDependency::ready).orElse(false)
          && !before.map(StoredDependency::ready).orElse(false);
    }

    /** Whether this change broke the dependency on the target. */
    public boolean stoppedBeingReady() {
      return before.map(StoredDependency::ready).orElse(false)
          && !after.map(StoredDependency::ready).orElse(true);
    }
  }
}
