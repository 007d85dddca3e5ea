package dev.ftscout.deps.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit's answer: one report per package (direct first, then by name), blocker chains per
 * target, the upgrade plan, notes (unpinned inputs evaluated at newest, unresolvable entries, index
 * warnings), the projects an offline run could not find in the cache, and the projects whose index
 * requests failed after retries (name to error), which are reported as not found.
 */
public record AuditResult(
    List<String> targets,
    List<PackageReport> packages,
    List<BlockerChain> chains,
    UpgradePlan plan,
    List<String> notes,
    Set<String> missingOffline,
    Map<String, String> indexFailures) {
  public AuditResult {
    targets = List.copyOf(targets);
    packages = List.copyOf(packages);
    chains = List.copyOf(chains);
    notes = List.copyOf(notes);
    missingOffline = Set.copyOf(missingOffline);
    indexFailures = Map.copyOf(indexFailures);
  }

  /**
   * Whether the index answered for nothing: every package that needed it failed (the index is
   * unreachable), so the result says nothing about the tree.
   */
  public boolean nothingAudited() {
    return !indexFailures.isEmpty()
        && packages.stream()
            .filter(p -> p.kind() == dev.ftscout.deps.input.DependencyKind.INDEX)
            .allMatch(p -> indexFailures.containsKey(p.name()));
  }

  /** A package by canonical name. */
  public Optional<PackageReport> get(String name) {
    return packages.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Whether any package blocks any target. */
  public boolean hasBlockers() {
    return packages.stream()
        .anyMatch(p -> p.targets().values().stream().anyMatch(t -> t.support().blocker()));
  }
}
