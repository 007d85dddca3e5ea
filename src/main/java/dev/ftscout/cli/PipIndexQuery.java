package dev.ftscout.cli;

import dev.ftscout.deps.index.IndexLocations;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks an interpreter's own pip for its built-in default index, through the one subprocess runner,
 * so that ftscout never writes an index location of its own. Any failure (no pip, a timeout) is "no
 * answer".
 */
final class PipIndexQuery implements IndexLocations.PipDefaultIndex {
  private final ProcessRunner runner;
  private final Map<String, String> environment;
  private final Path workingDir;

  PipIndexQuery(ProcessRunner runner, Map<String, String> environment, Path workingDir) {
    this.runner = runner;
    this.environment = Map.copyOf(environment);
    this.workingDir = workingDir;
  }

  @Override
  public Optional<String> ask(Path python) {
    try {
      ProcessResult r =
          runner.run(
              ProcessSpec.of(
                      List.of(python.toString(), "-c", IndexLocations.PipDefaultIndex.SCRIPT),
                      environment,
                      workingDir)
                  .withTimeout(Duration.ofSeconds(30))
                  .withLimits(4096, 4096));
      String out = r.stdout().strip();
      return r.succeeded() && out.contains("://") ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
