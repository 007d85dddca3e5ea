package dev.ftscout.rules.runtime;

import dev.ftscout.runtime.probe.GilCulprit;
import dev.ftscout.runtime.probe.ModuleResult;
import dev.ftscout.runtime.probe.ProbeResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What probe rules see: the probe's result and the project root that finding paths are relative to.
 * A finding about a module points at the METADATA file of the distribution that installed it (the
 * thing to upgrade or replace), else at the environment, else at the interpreter.
 *
 * @param result the probe's result
 * @param root the project root
 */
public record ProbeFacts(ProbeResult result, Path root) {

  /** Where a finding about a module of {@code distribution} points, relative to the root. */
  public String pathFor(Optional<String> distribution) {
    Optional<Path> metadata = distribution.map(d -> result.metadataFiles().get(d));
    Path target =
        metadata.or(() -> result.environment().map(Path::of)).orElse(result.interpreter().path());
    return relative(target);
  }

  public String pathFor(ModuleResult m) {
    return pathFor(m.distribution());
  }

  public String pathFor(GilCulprit c) {
    return pathFor(c.distribution());
  }

  /** {@code name version} or {@code an unknown distribution}. */
  static String owner(Optional<String> distribution, Optional<String> version) {
    return distribution
        .map(d -> d + version.map(v -> " " + v).orElse(""))
        .orElse("no known distribution");
  }

  private String relative(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    // Outside the root (an environment elsewhere) the path climbs out with ../, still relative.
    Path rel = java.util.Objects.equals(abs.getRoot(), base.getRoot()) ? base.relativize(abs) : abs;
    String text = rel.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
