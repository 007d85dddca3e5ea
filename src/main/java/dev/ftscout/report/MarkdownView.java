package dev.ftscout.report;

import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import java.util.List;

/**
 * What the Markdown template shows: a compact summary for pull-request comments, with long lists
 * cut at {@link #MAX_ROWS} and details folded away.
 */
public final class MarkdownView {
  /** Pull-request comments have a size limit; the full list lives in the other formats. */
  static final int MAX_ROWS = 50;

  private final Report report;

  MarkdownView(Report report) {
    this.report = report;
  }

  public Report report() {
    return report;
  }

  public List<Finding> shownFindings() {
    return report.findings().stream().limit(MAX_ROWS).toList();
  }

  public int hiddenFindings() {
    return Math.max(0, report.findings().size() - MAX_ROWS);
  }

  public long modulesWithoutDeclaration() {
    return report.extensionModules().stream()
        .filter(m -> m.declaration() != ExtensionModule.GilDeclaration.YES)
        .count();
  }

  public String severityIcon(Severity s) {
    return switch (s) {
      case ERROR -> "🔴";
      case WARNING -> "🟠";
      case INFO -> "🔵";
    };
  }

  /** A mark for the verdict: no entry, warning or check. */
  public String verdictIcon() {
    return report
        .assessment()
        .map(a ->
            switch (a.verdict()) {
              case NO -> "⛔";
              case MAYBE -> "⚠️";
              case YES -> "✅";
            })
        .orElse("");
  }

  /** The concurrency kinds seen, with counts and examples, in kind order. */
  public java.util.List<String[]> concurrencyRows() {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    report
        .concurrency()
        .counts()
        .forEach((k, n) -> {
          if (n > 0) {
            rows.add(
                new String[] {
                  ConcurrencyLabels.words(k),
                  String.valueOf(n),
                  ConcurrencyLabels.examples(report.concurrency(), k, 3)
                });
          }
        });
    return rows;
  }

  public String ruleName(String ruleId) {
    return report.rule(ruleId).map(r -> r.info().name()).orElse("");
  }

  /** Text made safe inside a table cell. */
  public String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  public String projectName() {
    String root = report.root().replace('\\', '/');
    int slash = root.lastIndexOf('/');
    return slash < 0 || slash == root.length() - 1 ? root : root.substring(slash + 1);
  }

  /** One line: counts by severity, files, and whether the run fails. */
  public String summaryLine() {
    int total = report.findings().size();
    StringBuilder s = new StringBuilder();
    if (total == 0) {
      s.append("✅ No findings");
    } else {
      s.append("**").append(total).append(total == 1 ? " finding" : " findings").append("**");
      List<String> parts =
          report.countsBySeverity().entrySet().stream()
              .filter(e -> e.getValue() > 0)
              .map(e -> e.getValue() + " " + e.getKey().label(e.getValue()))
              .toList();
      s.append(" (").append(String.join(", ", parts)).append(')');
    }
    if (report.filesAnalyzed() > 0 || report.runtime().isEmpty()) {
      s.append(" in ").append(report.filesAnalyzed()).append(" files");
    }
    if (report.suppressed() > 0) {
      s.append(", ").append(report.suppressed()).append(" suppressed");
    }
    if (report.baselined() > 0) {
      s.append(", ").append(report.baselined()).append(" in baseline");
    }
    s.append(report.failed() ? ". ❌ Fails at `--fail-on " : ". Passes `--fail-on ");
    s.append(report.failOn().label()).append("`.");
    return s.toString();
  }

  /** Probe counts on one line, e.g. {@code ok 7 · re-enables GIL 2 · ...}. */
  public String probeCounts() {
    return report
        .runtime()
        .probe()
        .map(p ->
            String.join(
                " · ",
                java.util.Arrays.stream(dev.ftscout.model.ProbeEvidence.Status.values())
                    .map(s -> s.words() + " " + p.withStatus(s).size())
                    .toList()))
        .orElse("");
  }

  public int count(dev.ftscout.model.TestEvidence.Configuration c, String outcome) {
    return c.counts().getOrDefault(outcome, 0);
  }

  public String first(dev.ftscout.model.BenchEvidence.Series s) {
    return s.points().isEmpty() ? "–" : seconds(s.points().get(0));
  }

  public String last(dev.ftscout.model.BenchEvidence.Series s) {
    return s.points().isEmpty() ? "–" : seconds(s.points().get(s.points().size() - 1));
  }

  private static String seconds(dev.ftscout.model.BenchEvidence.Point p) {
    return String.format(
        java.util.Locale.ROOT, "%.3f (×%d)%s", p.median(), p.workers(), p.unstable() ? " ?" : "");
  }

  public String speedup(dev.ftscout.model.BenchEvidence.Series s) {
    if (s.points().isEmpty()) {
      return "–";
    }
    double v = s.speedup(s.points().get(s.points().size() - 1));
    return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.2f×", v) : "–";
  }

  public String serial(dev.ftscout.model.BenchEvidence.Series s) {
    return s.serialFraction().isPresent()
        ? String.format(java.util.Locale.ROOT, "%.2f", s.serialFraction().getAsDouble())
        : "–";
  }

  public String percent(double ratio) {
    return String.format(java.util.Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
  }
}
