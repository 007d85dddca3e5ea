package dev.ftscout.runtime.probe;

import dev.ftscout.runtime.discovery.Interpreter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a probe found.
 *
 * @param interpreter the interpreter the imports ran in
 * @param mode free-threaded evidence, or a GIL-build dry run (importability only)
 * @param environment the probed virtual environment, when one was given
 * @param modules one result per imported module, sorted by name
 * @param workerProcesses worker processes started (restarts after crashes, timeouts and culprits
 *     included)
 * @param wallTime from the start of the probe to its end, inventory included
 * @param notes things that qualify the evidence (e.g. how culprits were named)
 */
public record ProbeResult(
    Interpreter interpreter,
    Mode mode,
    Optional<String> environment,
    List<ModuleResult> modules,
    int workerProcesses,
    Duration wallTime,
    List<String> notes) {

  /** How the probe ran. */
  public enum Mode {
    /** On a free-threaded build: GIL re-enabling is observed. */
    FREE_THREADED,
    /** On a GIL build with allow-gil-build: only importability, crashes and timeouts. */
    GIL_DRY_RUN
  }

  public ProbeResult {
    modules = List.copyOf(modules);
    notes = List.copyOf(notes);
  }

  /** Modules with the given status. */
  public List<ModuleResult> withStatus(ModuleStatus status) {
    return modules.stream().filter(m -> m.status() == status).toList();
  }

  /** Every culprit, once each, in module order. */
  public List<GilCulprit> culprits() {
    java.util.Map<String, GilCulprit> unique = new java.util.LinkedHashMap<>();
    modules.forEach(m -> m.culprits().forEach(c -> unique.putIfAbsent(c.module(), c)));
    return List.copyOf(unique.values());
  }
}
