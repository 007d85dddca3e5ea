package dev.ftscout.history;

import java.util.List;

/**
 * Everything saved for one run: its summary (id and time are assigned on save), its findings,
 * dependency states, the verdict's reasons, and the full report for re-rendering.
 *
 * @param summary the run's summary
 * @param findings its findings
 * @param dependencies its dependency table
 * @param reasons the verdict's reasons, heaviest first
 * @param reportData the report in ftscout's own storage encoding, for {@code ftscout report}
 */
public record RunRecord(
    RunSummary summary,
    List<StoredFinding> findings,
    List<StoredDependency> dependencies,
    List<String> reasons,
    String reportData) {
  public RunRecord {
    findings = List.copyOf(findings);
    dependencies = List.copyOf(dependencies);
    reasons = List.copyOf(reasons);
  }
}
