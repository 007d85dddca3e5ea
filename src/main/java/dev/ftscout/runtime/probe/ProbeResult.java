package dev.ftscout.runtime.probe;

import dev.ftscout.model.ProbeEvidence;
import dev.ftscout.runtime.discovery.Interpreter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * @param metadataFiles each distribution's METADATA file, by distribution name, where known
 */
public record ProbeResult(
    Interpreter interpreter,
    Mode mode,
    Optional<String> environment,
    List<ModuleResult> modules,
    int workerProcesses,
    Duration wallTime,
    List<String> notes,
    Map<String, Path> metadataFiles) {

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
    metadataFiles = Map.copyOf(metadataFiles);
  }

  /** A result without METADATA locations. */
  public ProbeResult(
      Interpreter interpreter,
      Mode mode,
      Optional<String> environment,
      List<ModuleResult> modules,
      int workerProcesses,
      Duration wallTime,
      List<String> notes) {
    this(interpreter, mode, environment, modules, workerProcesses, wallTime, notes, Map.of());
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

  /** The result in the form reports show it. */
  public ProbeEvidence toEvidence() {
    List<ProbeEvidence.Module> shown =
        modules.stream()
            .map(m ->
                new ProbeEvidence.Module(
                    m.module(),
                    m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    ProbeEvidence.Status.valueOf(m.status().name()),
                    m.distribution().orElse(""),
                    m.version().orElse(""),
                    m.evidence()))
            .toList();
    List<ProbeEvidence.Culprit> named =
        culprits().stream()
            .map(c ->
                new ProbeEvidence.Culprit(
                    c.module(),
                    c.distribution().orElse(""),
                    c.version().orElse(""),
                    c.evidence(),
                    List.of()))
            .toList();
    return new ProbeEvidence(
        interpreter.path().toString(),
        interpreter.version(),
        interpreter.shortVersion(),
        mode == Mode.FREE_THREADED,
        environment.orElse(""),
        workerProcesses,
        wallTime.toMillis(),
        shown,
        named,
        notes);
  }
}
