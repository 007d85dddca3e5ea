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
 * @param renderings the report rendered in each output format at save time, keyed by format name
 *     ({@code json}, {@code html}, {@code markdown}, {@code text}, {@code sarif}), so {@code
 *     ftscout report} shows a stored run exactly as it was
 */
public record RunRecord(
    RunSummary summary,
    List<StoredFinding> findings,
    List<StoredDependency> dependencies,
    List<String> reasons,
    java.util.Map<String, String> renderings) {
  public RunRecord {
    findings = List.copyOf(findings);
    dependencies = List.copyOf(dependencies);
    reasons = List.copyOf(reasons);
    renderings = java.util.Map.copyOf(renderings);
  }
}
