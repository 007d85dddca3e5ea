package dev.ftscout.deps.audit;

import dev.ftscout.deps.input.DependencyKind;
import dev.ftscout.deps.input.SourceLocation;
import dev.ftscout.deps.source.SourceInspection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One package of the tree: the version evaluated (exact from a lock, else the newest satisfying the
 * specifiers, {@code fromLock} says which), where it was declared (its own line, preferring the
 * project's own files over a lock file; empty for a transitive dependency of unlocked inputs),
 * every place that declares it, whether it is binary, the newest release, the maintainer's
 * free-threading classifier, the per-target status keyed by target label, the source inspection
 * when one ran, and the yank reason when the evaluated release is yanked (PEP 592; an empty reason
 * when the index gives none).
 */
public record PackageReport(
    String name,
    String version,
    boolean fromLock,
    boolean direct,
    DependencyKind kind,
    Optional<SourceLocation> declaredAt,
    List<String> requiredBy,
    boolean binary,
    Optional<String> newestRelease,
    Optional<String> freeThreadingClaim,
    Map<String, TargetStatus> targets,
    Optional<SourceInspection> sourceInspection,
    List<SourceLocation> declarations,
    Optional<String> yanked) {
  public PackageReport {
    requiredBy = List.copyOf(requiredBy);
    targets = Map.copyOf(targets);
    declarations = List.copyOf(declarations);
  }

  /** The status on a target, by its label; throws when the target was not audited. */
  public TargetStatus status(String targetLabel) {
    TargetStatus s = targets.get(targetLabel);
    if (s == null) {
      throw new IllegalArgumentException("target not audited: " + targetLabel);
    }
    return s;
  }
}
