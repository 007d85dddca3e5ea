package dev.ftscout.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.Config;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.SourceFile;
import dev.ftscout.model.UnusedSuppression;
import dev.ftscout.model.UserError;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.Analyzer;
import dev.ftscout.rules.Rule;
import dev.ftscout.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a static scan: collects the project's files, hands each analyzer the files it wants, then
 * applies the config (enabled rules, severities), inline suppressions and the baseline.
 */
public final class Scanner {
  private final RuleRegistry registry;
  private final List<Analyzer> analyzers;
  private final ObjectMapper json;

  public Scanner(RuleRegistry registry, List<Analyzer> analyzers, ObjectMapper json) {
    this.registry = registry;
    this.analyzers = List.copyOf(analyzers);
    this.json = json;
  }

  /** Scans the given files and folders under {@code config}, using every processor. */
  public ScanResult scan(List<Path> paths, Config config) {
    return scan(paths, config, AnalysisContext.defaultJobs());
  }

  /**
   * Scans the given files and folders under {@code config}, letting analyzers work on up to {@code
   * jobs} files at once.
   */
  public ScanResult scan(List<Path> paths, Config config, int jobs) {
    validateSelectors(config);
    List<RuleInfo> enabled =
        registry.infos().stream().filter(r -> config.rules().enabled(r.id(), r.name())).toList();
    Set<String> enabledIds = enabled.stream().map(RuleInfo::id).collect(Collectors.toSet());

    ProjectFiles project = new ProjectFiles(config.root(), config.exclude());
    ProjectFiles.Collected collected =
        project.collect(paths, p -> analyzers.stream().anyMatch(a -> a.wants(p)));
    AnalysisContext context = new AnalysisContext(enabledIds, config.targetVersion(), jobs);
    AnalysisResult result = AnalysisResult.empty();
    for (Analyzer analyzer : analyzers) {
      List<SourceFile> mine =
          collected.files().stream().filter(f -> analyzer.wants(f.path())).toList();
      if (!mine.isEmpty()) {
        result = result.plus(analyzer.analyze(mine, context));
      }
    }

    List<Finding> findings =
        result.findings().stream()
            .filter(f -> enabledIds.contains(f.ruleId()))
            .map(f -> f.withSeverity(config.severityOf(f.ruleId(), f.severity())))
            .sorted(ORDER)
            .toList();
    Suppressions.Outcome suppressed =
        new Suppressions(this::ruleId).apply(findings, result.comments());
    List<UnusedSuppression> unused =
        suppressed.unused().stream()
            .filter(u ->
                u.rules().stream().allMatch(r -> ruleId(r).map(enabledIds::contains).orElse(true)))
            .toList();
    List<Finding> kept = suppressed.kept();
    int baselined = 0;
    List<Finding> reported = kept;
    if (config.baseline().isPresent()) {
      Baseline.Outcome outcome = Baseline.read(config.baseline().get(), json).apply(kept);
      reported = outcome.fresh();
      baselined = outcome.baselined();
    }
    List<ExtensionModule> modules =
        result.extensionModules().stream()
            .sorted(
                Comparator.comparing(ExtensionModule::path).thenComparingInt(ExtensionModule::line))
            .toList();
    List<dev.ftscout.model.SkippedFile> skipped = new ArrayList<>(collected.skipped());
    skipped.addAll(result.skipped());
    skipped.sort(Comparator.comparing(dev.ftscout.model.SkippedFile::path));
    return new ScanResult(
        reported,
        kept,
        modules,
        skipped,
        unused,
        result.filesAnalyzed(),
        suppressed.suppressed(),
        baselined,
        enabled,
        result.concurrency());
  }

  /** Findings in reading order: by file, position, then rule. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparingInt(f -> f.span().line())
          .thenComparingInt(f -> f.span().column())
          .thenComparing(Finding::ruleId);

  private Optional<String> ruleId(String idOrName) {
    return registry.find(idOrName).map(r -> r.info().id());
  }

  private void validateSelectors(Config config) {
    String where = config.source().map(Path::toString).orElse("command line");
    List<String> all = new ArrayList<>(config.rules().select());
    all.addAll(config.rules().ignore());
    for (String selector : all) {
      boolean matches =
          selector.equalsIgnoreCase("ALL")
              || registry.all().stream()
                  .map(Rule::info)
                  .anyMatch(r ->
                      r.name().equals(selector)
                          || r.id().regionMatches(true, 0, selector, 0, selector.length()));
      if (!matches) {
        throw new UserError(where + ": unknown rule selector '" + selector + "'");
      }
    }
    for (String id : config.severity().keySet()) {
      if (registry.find(id).isEmpty()) {
        throw new UserError(where + ": severity override for unknown rule " + id);
      }
    }
  }
}
