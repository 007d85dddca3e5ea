package dev.ftscout.deps.pep508;

import dev.ftscout.deps.pep440.SpecifierSet;
import java.util.Optional;
import java.util.Set;

/**
 * A PEP 508 dependency specifier: {@code name[extras] specifiers ; marker} or {@code name[extras] @
 * url ; marker}.
 */
public record Requirement(
    String name,
    Set<String> extras,
    SpecifierSet specifier,
    Optional<String> url,
    Optional<Marker> marker) {
  public Requirement {
    extras = Set.copyOf(extras);
  }

  /** Parses a requirement; throws {@link InvalidRequirementException} with the column. */
  public static Requirement parse(String text) {
    return Pep508Parser.parseRequirement(text);
  }

  /** The PEP 503 normalised name. */
  public String canonicalName() {
    return Names.canonicalize(name);
  }

  /** Whether the marker (if any) holds in the environment. */
  public boolean appliesTo(MarkerEnvironment env) {
    return marker.map(m -> m.evaluate(env)).orElse(true);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name);
    if (!extras.isEmpty()) {
      sb.append('[').append(String.join(",", extras.stream().sorted().toList())).append(']');
    }
    if (url.isPresent()) {
      sb.append(" @ ").append(url.get());
      if (marker.isPresent()) {
        sb.append(' ');
      }
    } else {
      sb.append(specifier);
    }
    marker.ifPresent(m -> sb.append("; ").append(m));
    return sb.toString();
  }
}
