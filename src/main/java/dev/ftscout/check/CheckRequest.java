package dev.ftscout.check;

import dev.ftscout.config.Config;
import dev.ftscout.model.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code ftscout check}: what to scan, under which config, and which optional parts to run.
 *
 * @param project how the user named the project (for the commands in next steps)
 * @param paths the files and folders to scan
 * @param config the merged config
 * @param dependencies the audit, unless switched off
 * @param probe the import probe, when asked
 * @param tests the test-suite comparison, when asked
 * @param bench the benchmark, when asked
 * @param progress where long parts report progress
 * @param jobs files analysed at once
 * @param withoutDependencies why there is no audit when {@code dependencies} is empty
 */
public record CheckRequest(
    String project,
    List<Path> paths,
    Config config,
    Optional<Steps.Dependencies> dependencies,
    Optional<Steps.Probe> probe,
    Optional<Steps.Tests> tests,
    Optional<Steps.Bench> bench,
    Progress progress,
    int jobs,
    String withoutDependencies) {
  public CheckRequest {
    paths = List.copyOf(paths);
  }
}
