package dev.ftscout.deps.input;

import dev.ftscout.deps.metadata.CoreMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one input file declares: its dependencies in order, the direct ones ({@code roots}, empty
 * when the format does not say), constraints ({@code -c} files), index URLs it names, metadata
 * found locally (installed environments), and notes for the report.
 */
public record DependencyInput(
    Path source,
    InputFormat format,
    List<DeclaredDependency> dependencies,
    List<String> roots,
    List<DeclaredDependency> constraints,
    List<String> indexUrls,
    Map<String, CoreMetadata> localMetadata,
    List<String> notes) {
  public DependencyInput {
    dependencies = List.copyOf(dependencies);
    roots = List.copyOf(roots);
    constraints = List.copyOf(constraints);
    indexUrls = List.copyOf(indexUrls);
    localMetadata = Map.copyOf(localMetadata);
    notes = List.copyOf(notes);
  }
}
