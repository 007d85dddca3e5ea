package dev.ftscout.rules;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one analyzer found: findings at their rules' default severities, the comments of every file
 * it read (for suppressions), facts about the project, and files it had to skip.
 *
 * @param concurrency how the sources do concurrency (threads, process pools, asyncio, libraries),
 *     for the verdict
 */
public record AnalysisResult(
    List<Finding> findings,
    Map<String, List<SourceComment>> comments,
    List<ExtensionModule> extensionModules,
    List<SkippedFile> skipped,
    int filesAnalyzed,
    ConcurrencyFacts concurrency) {

  public AnalysisResult {
    findings = List.copyOf(findings);
    comments = Map.copyOf(comments);
    extensionModules = List.copyOf(extensionModules);
    skipped = List.copyOf(skipped);
  }

  /** A result without concurrency facts, for analyzers whose sources say nothing about them. */
  public AnalysisResult(
      List<Finding> findings,
      Map<String, List<SourceComment>> comments,
      List<ExtensionModule> extensionModules,
      List<SkippedFile> skipped,
      int filesAnalyzed) {
    this(findings, comments, extensionModules, skipped, filesAnalyzed, ConcurrencyFacts.none());
  }

  public static AnalysisResult empty() {
    return new AnalysisResult(List.of(), Map.of(), List.of(), List.of(), 0);
  }

  /** Both results together. */
  public AnalysisResult plus(AnalysisResult other) {
    List<Finding> f = new ArrayList<>(findings);
    f.addAll(other.findings);
    Map<String, List<SourceComment>> c = new HashMap<>(comments);
    other.comments.forEach((path, list) ->
        c.merge(
            path,
            list,
            (a, b) -> {
              List<SourceComment> both = new ArrayList<>(a);
              both.addAll(b);
              return both;
            }));
    List<ExtensionModule> m = new ArrayList<>(extensionModules);
    m.addAll(other.extensionModules);
    List<SkippedFile> s = new ArrayList<>(skipped);
    s.addAll(other.skipped);
    return new AnalysisResult(
        f, c, m, s, filesAnalyzed + other.filesAnalyzed, concurrency.plus(other.concurrency));
  }
}
