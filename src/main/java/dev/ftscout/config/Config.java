package dev.ftscout.config;

import dev.ftscout.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run: the project's {@code [tool.ftscout]} table (or {@code ftscout.toml})
 * merged with command-line flags, which win. Immutable; built by {@link ConfigLoader}.
 *
 * @param root the project root: where the config file is, or the scanned folder
 * @param source the config file that was read, if any
 * @param rules which rules are enabled
 * @param severity per-rule severity overrides, keyed by rule id
 * @param exclude glob patterns (relative to {@code root}) of paths to leave out
 * @param failOn the lowest severity that fails the run
 * @param targetVersion the oldest Python version the project supports ({@code 3.X}); newer syntax
 *     is an error
 * @param baseline the baseline file whose findings are accepted, if any
 * @param dependencies the dependency audit's settings
 * @param checks the runtime parts the check command runs unasked
 */
public record Config(
    Path root,
    Optional<Path> source,
    RuleSelection rules,
    Map<String, Severity> severity,
    List<String> exclude,
    FailOn failOn,
    String targetVersion,
    Optional<Path> baseline,
    DependencySettings dependencies,
    CheckSettings checks) {

  public Config {
    severity = Map.copyOf(severity);
    exclude = List.copyOf(exclude);
  }

  /** Settings without dependency-audit settings. */
  public Config(
      Path root,
      Optional<Path> source,
      RuleSelection rules,
      Map<String, Severity> severity,
      List<String> exclude,
      FailOn failOn,
      String targetVersion,
      Optional<Path> baseline) {
    this(
        root,
        source,
        rules,
        severity,
        exclude,
        failOn,
        targetVersion,
        baseline,
        DependencySettings.none(),
        CheckSettings.none());
  }

  /** The settings when there is no config file and no flag. */
  public static Config defaults(Path root) {
    return new Config(
        root,
        Optional.empty(),
        new RuleSelection(List.of(), List.of()),
        Map.of(),
        List.of(),
        FailOn.WARNING,
        ConfigSchema.DEFAULT_TARGET_VERSION,
        Optional.empty());
  }

  /** The severity a rule's findings get, after overrides. */
  public Severity severityOf(String ruleId, Severity declared) {
    return severity.getOrDefault(ruleId, declared);
  }

  /** This config with the given command-line flags applied on top. */
  public Config with(CliOverrides cli) {
    RuleSelection selection =
        new RuleSelection(
            cli.select().orElse(rules.select()), concat(rules.ignore(), cli.ignore()));
    return new Config(
        root,
        source,
        selection,
        severity,
        concat(exclude, cli.exclude()),
        cli.failOn().orElse(failOn),
        cli.targetVersion().orElse(targetVersion),
        cli.baseline().or(() -> baseline),
        dependencies,
        checks);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
