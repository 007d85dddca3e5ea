package dev.ftscout.cli;

import dev.ftscout.config.CliOverrides;
import dev.ftscout.config.Config;
import dev.ftscout.config.ConfigLoader;
import dev.ftscout.config.FailOn;
import dev.ftscout.model.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Config, rule selection, the fail threshold and the baseline: the flags of every command that
 * reports findings. Commands that read sources add the source flags ({@link RuleOptions}).
 */
public class ReportRuleOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Read config from FILE.")
  @Nullable Path configFile;

  @Option(
      names = "--select",
      split = ",",
      paramLabel = "RULE",
      description = "Enable only these rules (ids, prefixes or names); replaces config.")
  @Nullable List<String> select;

  @Option(
      names = "--ignore",
      split = ",",
      paramLabel = "RULE",
      description = "Disable these rules; extends config.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "Lowest severity that fails the run: error, warning, info, never.")
  @Nullable String failOn;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Accept the findings recorded in FILE (see --write-baseline).")
  @Nullable Path baseline;

  /** The config found from {@code start}, with these flags applied. */
  Config config(ConfigLoader loader, Terminal terminal, Path start) {
    return config(loader, terminal, start, List.of(), Optional.empty());
  }

  final Config config(
      ConfigLoader loader,
      Terminal terminal,
      Path start,
      List<String> exclude,
      Optional<String> targetVersion) {
    Optional<Path> explicit =
        Optional.ofNullable(configFile).map(p -> terminal.workingDir().resolve(p));
    Config base = loader.load(start, explicit);
    Optional<FailOn> fail =
        Optional.ofNullable(failOn)
            .map(f ->
                FailOn.parse(f)
                    .orElseThrow(() ->
                        new UserError(
                            "--fail-on: expected error, warning, info or never, got '" + f + "'")));
    return base.with(
        new CliOverrides(
            Optional.ofNullable(select),
            ignore,
            exclude,
            fail,
            targetVersion,
            Optional.ofNullable(baseline).map(p -> terminal.workingDir().resolve(p))));
  }
}
