package dev.ftscout.report;

import dev.ftscout.config.FailOn;
import dev.ftscout.model.DependencyTable;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.model.Severity;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.UnusedSuppression;
import java.util.List;
import java.util.Map;
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
 * @param runtime probe, test and bench evidence, each when it ran
 * @param dependencies the dependency audit, when one ran
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
    RuntimeEvidence runtime,
    DependencyTable dependencies) {

  public Report {
    findings = List.copyOf(findings);
    extensionModules = List.copyOf(extensionModules);
    skipped = List.copyOf(skipped);
    unusedSuppressions = List.copyOf(unusedSuppressions);
    rules = List.copyOf(rules);
  }

  /** A report without a dependency audit. */
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
      RuntimeEvidence runtime) {
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
        runtime,
        DependencyTable.none());
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
      FailOn failOn) {
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
        RuntimeEvidence.none());
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
        evidence,
        dependencies);
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
        runtime,
        table);
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
