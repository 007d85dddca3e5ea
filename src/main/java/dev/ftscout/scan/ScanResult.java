package dev.ftscout.scan;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.UnusedSuppression;
import java.util.List;

/**
 * What a scan found, after config, suppressions and baseline were applied.
 *
 * @param findings reported findings, sorted by path, line, column and rule
 * @param unfiltered the findings before the baseline (what {@code --write-baseline} records)
 * @param extensionModules extension modules found, with their GIL-free declaration
 * @param skipped files that could not be analysed, with reasons
 * @param unusedSuppressions suppression comments that suppressed nothing
 * @param filesAnalyzed how many files were read by a front end
 * @param suppressed findings hidden by suppression comments
 * @param baselined findings hidden because the baseline accepts them
 * @param enabledRules the rules that were on
 * @param concurrency how the scanned sources do concurrency, for the verdict
 */
public record ScanResult(
    List<Finding> findings,
    List<Finding> unfiltered,
    List<ExtensionModule> extensionModules,
    List<SkippedFile> skipped,
    List<UnusedSuppression> unusedSuppressions,
    int filesAnalyzed,
    int suppressed,
    int baselined,
    List<RuleInfo> enabledRules,
    ConcurrencyFacts concurrency) {

  public ScanResult {
    findings = List.copyOf(findings);
    unfiltered = List.copyOf(unfiltered);
    extensionModules = List.copyOf(extensionModules);
    skipped = List.copyOf(skipped);
    unusedSuppressions = List.copyOf(unusedSuppressions);
    enabledRules = List.copyOf(enabledRules);
  }
}
