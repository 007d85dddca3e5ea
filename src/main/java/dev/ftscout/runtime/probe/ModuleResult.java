package dev.ftscout.runtime.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The probe's finding for one module.
 *
 * @param module the name imported
 * @param kind why it was imported
 * @param status the outcome
 * @param distribution the distribution that installed it, when known
 * @param version that distribution's version
 * @param evidence one line backing the status: the GIL warning or {@code -v} line, the exception,
 *     or how the worker died
 * @param duration time the import took (for crashes and timeouts: until the worker was seen dead)
 * @param culprits the GIL-using extension modules this import loaded, every one named
 */
public record ModuleResult(
    String module,
    Kind kind,
    ModuleStatus status,
    Optional<String> distribution,
    Optional<String> version,
    String evidence,
    Duration duration,
    List<GilCulprit> culprits) {

  /** Why a module is on the probe's list. */
  public enum Kind {
    /** A top-level module or package of the environment. */
    TOP_LEVEL,
    /** An extension module inside a package (imported directly so lazy packages are covered). */
    EXTENSION,
    /** Named by the user. */
    REQUESTED
  }

  public ModuleResult {
    culprits = List.copyOf(culprits);
  }

  /** This result with another evidence line. */
  public ModuleResult withEvidence(String line) {
    return new ModuleResult(module, kind, status, distribution, version, line, duration, culprits);
  }
}
