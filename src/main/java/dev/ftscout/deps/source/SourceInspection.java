package dev.ftscout.deps.source;

import java.util.List;

/**
 * A source inspector's answer for one sdist: the GIL declaration, whether the package falls back to
 * pure Python when its extension is missing, and evidence lines (file:line).
 */
public record SourceInspection(
    GilDeclaration declaration, boolean pureFallback, List<String> evidence) {
  public SourceInspection {
    evidence = List.copyOf(evidence);
  }
}
