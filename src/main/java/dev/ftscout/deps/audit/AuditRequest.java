package dev.ftscout.deps.audit;

import dev.ftscout.deps.input.DependencyInput;
import dev.ftscout.deps.source.SourceInspector;
import dev.ftscout.deps.tags.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to audit: the project's name (the root of chains), its inputs, the targets, the extras and
 * groups to include, and an optional source inspector (with a scratch folder for sdists).
 */
public record AuditRequest(
    String projectName,
    List<DependencyInput> inputs,
    List<Target> targets,
    Set<String> extras,
    boolean includeGroups,
    Optional<SourceInspector> inspector,
    Path workDir) {
  public AuditRequest {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
    extras = Set.copyOf(extras);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target is needed");
    }
  }
}
