package dev.ftscout.deps.audit;

import dev.ftscout.deps.input.DependencyInput;
import dev.ftscout.deps.source.SourceInspector;
import dev.ftscout.deps.tags.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to audit: the project's name (the root of chains), its inputs, the targets, the extras to
 * include, whether to include every dependency group or only the named {@code groups}, and an
 * optional source inspector (with a scratch folder for sdists).
 */
public record AuditRequest(
    String projectName,
    List<DependencyInput> inputs,
    List<Target> targets,
    Set<String> extras,
    boolean includeGroups,
    Optional<SourceInspector> inspector,
    Path workDir,
    Set<String> groups) {
  public AuditRequest {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
    extras = Set.copyOf(extras);
    groups = Set.copyOf(groups);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target is needed");
    }
  }

  /** A request that includes every dependency group or none. */
  public AuditRequest(
      String projectName,
      List<DependencyInput> inputs,
      List<Target> targets,
      Set<String> extras,
      boolean includeGroups,
      Optional<SourceInspector> inspector,
      Path workDir) {
    this(projectName, inputs, targets, extras, includeGroups, inspector, workDir, Set.of());
  }

  /** Whether a dependency of this group ({@code extra:NAME}, {@code group:NAME}) is audited. */
  public boolean includes(Optional<String> group) {
    if (group.isEmpty()) {
      return true;
    }
    String g = group.get();
    if (g.startsWith("extra:")) {
      return extras.contains(g.substring("extra:".length()));
    }
    String name = g.startsWith("group:") ? g.substring("group:".length()) : g;
    return includeGroups || groups.contains(name);
  }
}
