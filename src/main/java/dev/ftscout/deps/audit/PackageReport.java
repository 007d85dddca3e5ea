package dev.ftscout.deps.audit;

import dev.ftscout.deps.input.DependencyKind;
import dev.ftscout.deps.input.SourceLocation;
import dev.ftscout.deps.source.SourceInspection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One package of the tree: the version evaluated (exact from a lock, else the newest satisfying the
 * specifiers, {@code fromLock} says which), where it was declared (its own line for direct and
 * locked dependencies, the direct dependency that pulled it in otherwise), whether it is binary,
 * the newest release, the maintainer's free-threading classifier, the per-target status keyed by
 * target label, and the source inspection when one ran.
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
    Optional<SourceInspection> sourceInspection) {
  public PackageReport {
    requiredBy = List.copyOf(requiredBy);
    targets = Map.copyOf(targets);
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
