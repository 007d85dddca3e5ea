package dev.ftscout.testing;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.SourceComment;
import dev.ftscout.model.SourceFile;
import dev.ftscout.model.Span;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.Analyzer;
import dev.ftscout.rules.Rule;
import dev.ftscout.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny but real rule family for testing the scan pipeline (config, suppressions, baseline,
 * writers) independently of the real front ends: in {@code .txt} files, the word {@code RACE} is an
 * FT198 warning and {@code LEAK} an FT199 error; {@code #} starts a comment.
 */
public final class WordRules {
  private WordRules() {}

  public static final RuleInfo RACE =
      new RuleInfo(
          "FT198",
          "word-race",
          Severity.WARNING,
          "The word RACE marks a race in a test file",
          "Replace RACE with SAFE.",
          List.of("test fixture"),
          RuleInfo.Precision.HIGH,
          List.of("test"));

  public static final RuleInfo LEAK =
      new RuleInfo(
          "FT199",
          "word-leak",
          Severity.ERROR,
          "The word LEAK marks a leak in a test file",
          "Replace LEAK with SAFE.",
          List.of("test fixture"),
          RuleInfo.Precision.MEDIUM,
          List.of("test"));

  /** A registry holding the two word rules. */
  public static RuleRegistry registry() {
    return new RuleRegistry(List.of(rule(RACE), rule(LEAK)));
  }

  private static Rule rule(RuleInfo info) {
    return () -> info;
  }

  /** The analyzer that applies both rules. */
  public static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      public boolean wants(String path) {
        return path.endsWith(".txt");
      }

      @Override
      public AnalysisResult analyze(List<SourceFile> files, AnalysisContext context) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<SourceComment>> comments = new HashMap<>();
        List<SkippedFile> skipped = new ArrayList<>();
        int analyzed = 0;
        for (SourceFile file : files) {
          Optional<String> text = file.utf8();
          if (text.isEmpty()) {
            skipped.add(
                new SkippedFile(
                    file.path(), "not valid UTF-8 at byte " + file.firstInvalidUtf8Offset()));
            continue;
          }
          analyzed++;
          List<SourceComment> mine = new ArrayList<>();
          List<String> lines = text.get().lines().toList();
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String code = hash < 0 ? line : line.substring(0, hash);
            if (hash >= 0) {
              mine.add(new SourceComment(i + 1, line.substring(hash + 1), code.isBlank()));
            }
            for (RuleInfo rule : List.of(RACE, LEAK)) {
              String word = rule.equals(RACE) ? "RACE" : "LEAK";
              int at = code.indexOf(word);
              if (at >= 0) {
                findings.add(
                    new Finding(
                        rule.id(),
                        rule.severity(),
                        word + " found",
                        file.path(),
                        Span.onLine(i + 1, at + 1, word.length()),
                        line,
                        rule.fix()));
              }
            }
          }
          comments.put(file.path(), mine);
        }
        return new AnalysisResult(findings, comments, List.of(), skipped, analyzed);
      }
    };
  }
}
