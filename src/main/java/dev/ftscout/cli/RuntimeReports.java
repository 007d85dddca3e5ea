package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.model.Version;
import dev.ftscout.report.Report;
import dev.ftscout.rules.Rule;
import dev.ftscout.runtime.discovery.DiscoveryRoots;
import dev.ftscout.scan.Baseline;
import dev.ftscout.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Builds the report of a runtime command (probe, test, bench) from its rules' findings. */
final class RuntimeReports {
  private RuntimeReports() {}

  /** Where interpreter discovery looks, from the terminal's environment. */
  static DiscoveryRoots roots(Terminal terminal) {
    Path home =
        terminal
            .env("HOME")
            .filter(h -> !h.isBlank())
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home")));
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return new DiscoveryRoots(terminal.env(), home, windows);
  }

  /**
   * Runs the enabled rules of one family over the evidence, applies config severities and the
   * baseline, and builds the report.
   */
  static <R extends Rule> Report report(
      String command,
      Config config,
      Components components,
      Class<R> family,
      Function<R, List<Finding>> check,
      RuntimeEvidence evidence) {
    List<R> rules =
        components.registry().ofType(family).stream()
            .filter(r -> config.rules().enabled(r.info().id(), r.info().name()))
            .toList();
    List<Finding> findings =
        rules.stream()
            .flatMap(r -> check.apply(r).stream())
            .map(f -> f.withSeverity(config.severityOf(f.ruleId(), f.severity())))
            .sorted(Scanner.ORDER)
            .toList();
    int baselined = 0;
    if (config.baseline().isPresent()) {
      Baseline.Outcome outcome =
          Baseline.read(config.baseline().get(), components.json()).apply(findings);
      findings = outcome.fresh();
      baselined = outcome.baselined();
    }
    List<RuleInfo> infos = rules.stream().map(Rule::info).toList();
    return new Report(
        Version.current(),
        command,
        config.root().toString(),
        findings,
        List.of(),
        List.of(),
        List.of(),
        0,
        0,
        baselined,
        Reports.entries(infos, components),
        config.failOn(),
        dev.ftscout.model.ConcurrencyFacts.none(),
        evidence,
        dev.ftscout.model.DependencyTable.none(),
        java.util.Optional.empty());
  }
}
