package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.config.ConfigLoader;
import dev.ftscout.model.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The report flags plus the flags about which sources are read and how they are parsed. */
public final class RuleOptions extends ReportRuleOptions {
  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "GLOB",
      description = "Leave out matching paths; extends config.")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--target-version",
      paramLabel = "VERSION",
      description = "Oldest Python the project supports (3.X); newer syntax is an error.")
  @Nullable String targetVersion;

  @Override
  Config config(ConfigLoader loader, Terminal terminal, Path start) {
    Optional<String> target =
        Optional.ofNullable(targetVersion)
            .map(v ->
                ConfigLoader.pythonVersion(v)
                    .orElseThrow(() ->
                        new UserError("--target-version: expected 3.X or py3X, got '" + v + "'")));
    return config(loader, terminal, start, exclude, target);
  }
}
