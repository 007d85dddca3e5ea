package dev.ftscout.report;

import dev.ftscout.config.FailOn;
import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.DependencyTable;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.model.Severity;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.UnusedSuppression;
import dev.ftscout.verdict.Assessment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one run produced, in the form every writer reads. Writers see nothing else.
 *
 * @param toolVersion ftscout's version
 * @param command the command that produced it ({@code scan}, {@code check}, ...)
 * @param root the project root (absolute); finding paths are relative to it
 * @param findings findings to report, in reading order
 * @param extensionModules extension modules found and their GIL-free declarations
 * @param skipped files that could not be analysed
 * @param unusedSuppressions suppression comments that suppressed nothing (when asked for)
 * @param filesAnalyzed files read by a front end
 * @param suppressed findings hidden by suppression comments
 * @param baselined findings hidden by the baseline
 * @param rules the rules that were enabled, with their docs
 * @param failOn the threshold that decides the exit code
 * @param concurrency how the project does concurrency (counts per kind and where), for the verdict
 * @param runtime probe, test and bench evidence, each when it ran
 * @param dependencies the dependency audit, when one ran
 * @param assessment the verdict, for {@code check}
 */
public record Report(
    String toolVersion,
    String command,
    String root,
    List<Finding> findings,
    List<ExtensionModule> extensionModules,
    List<SkippedFile> skipped,
    List<UnusedSuppression> unusedSuppressions,
    int filesAnalyzed,
    int suppressed,
    int baselined,
    List<RuleEntry> rules,
    FailOn failOn,
    ConcurrencyFacts concurrency,
    RuntimeEvidence runtime,
    DependencyTable dependencies,
    Optional<Assessment> assessment) {

  public Report {
    findings = List.copyOf(findings);
    extensionModules = List.copyOf(extensionModules);
    skipped = List.copyOf(skipped);
    unusedSuppressions = List.copyOf(unusedSuppressions);
    rules = List.copyOf(rules);
  }

  /** A report without runtime evidence (the static commands). */
  public Report(
      String toolVersion,
      String command,
      String root,
      List<Finding> findings,
      List<ExtensionModule> extensionModules,
      List<SkippedFile> skipped,
      List<UnusedSuppression> unusedSuppressions,
      int filesAnalyzed,
      int suppressed,
      int baselined,
      List<RuleEntry> rules,
      FailOn failOn,
      ConcurrencyFacts concurrency) {
    this(
        toolVersion,
        command,
        root,
        findings,
        extensionModules,
        skipped,
        unusedSuppressions,
        filesAnalyzed,
        suppressed,
        baselined,
        rules,
        failOn,
        concurrency,
        RuntimeEvidence.none(),
        DependencyTable.none(),
        Optional.empty());
  }

  /** This report with the given runtime evidence. */
  public Report withRuntime(RuntimeEvidence evidence) {
    return new Report(
        toolVersion,
        command,
        root,
        findings,
        extensionModules,
        skipped,
        unusedSuppressions,
        filesAnalyzed,
        suppressed,
        baselined,
        rules,
        failOn,
        concurrency,
        evidence,
        dependencies,
        assessment);
  }

  /** This report with the given dependency audit. */
  public Report withDependencies(DependencyTable table) {
    return new Report(
        toolVersion,
        command,
        root,
        findings,
        extensionModules,
        skipped,
        unusedSuppressions,
        filesAnalyzed,
        suppressed,
        baselined,
        rules,
        failOn,
        concurrency,
        runtime,
        table,
        assessment);
  }

  /** This report with the verdict. */
  public Report withAssessment(Assessment verdict) {
    return new Report(
        toolVersion,
        command,
        root,
        findings,
        extensionModules,
        skipped,
        unusedSuppressions,
        filesAnalyzed,
        suppressed,
        baselined,
        rules,
        failOn,
        concurrency,
        runtime,
        dependencies,
        Optional.of(verdict));
  }

  /** Number of findings per severity, for every severity (zero included), most serious first. */
  public Map<Severity, Integer> countsBySeverity() {
    Map<Severity, Integer> counts = new TreeMap<>();
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }

  /** Whether the findings fail the run under {@link #failOn}. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> failOn.fails(f.severity()));
  }

  /** The entry for a rule id; every reported finding's rule has one. */
  public java.util.Optional<RuleEntry> rule(String id) {
    return rules.stream().filter(r -> r.info().id().equals(id)).findFirst();
  }
}
