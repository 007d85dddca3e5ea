package dev.ftscout.deps.input;

import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.Marker;
import dev.ftscout.deps.pep508.Names;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One dependency as an input file declares it, with where it was declared. {@code pinned} is set
 * for locked inputs (exact version); otherwise the newest version satisfying {@code specifier} is
 * evaluated.
 */
public record DeclaredDependency(
    String name,
    SpecifierSet specifier,
    Set<String> extras,
    Optional<Marker> marker,
    Optional<Version> pinned,
    DependencyKind kind,
    String raw,
    SourceLocation location,
    Optional<String> group,
    List<String> dependsOn) {
  public DeclaredDependency {
    extras = Set.copyOf(extras);
    dependsOn = List.copyOf(dependsOn);
  }

  /** The PEP 503 normalised name. */
  public String canonicalName() {
    return Names.canonicalize(name);
  }
}
