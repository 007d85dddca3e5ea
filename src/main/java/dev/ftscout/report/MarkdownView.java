package dev.ftscout.report;

import dev.ftscout.model.DependencyTable;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
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
  public List<String[]> concurrencyRows() {
    return ConcurrencyLabels.rows(report.concurrency(), 3);
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

  /** The dependency table's header row: fixed columns around one column per target. */
  public String dependencyHeader() {
    DependencyTable t = report.dependencies();
    List<String> cells = new ArrayList<>(List.of("package", "version", "kind"));
    t.targets().forEach(cells::add);
    cells.addAll(List.of("first free-threaded", "newest", "claim"));
    if (t.sourcesInspected()) {
      cells.add("source");
    }
    return "| " + String.join(" | ", cells) + " |\n|" + "---|".repeat(cells.size());
  }

  /** One package as a table row, each target cell with an icon for its standing. */
  public String dependencyRow(DependencyTable.Row r) {
    DependencyTable t = report.dependencies();
    List<String> cells =
        new ArrayList<>(
            List.of(
                "`" + r.name() + "`" + (r.direct() ? "" : " (transitive)"),
                r.version() + (r.yanked().isPresent() ? " (yanked)" : ""),
                r.kind()));
    for (String target : t.targets()) {
      cells.add(
          r.on(target)
              .map(c -> standingIcon(c.status().standing()) + " " + cellText(c))
              .orElse("–"));
    }
    cells.add(DependencyTextSection.firstFreeThreaded(r));
    cells.add(r.newest().orElse("–"));
    cells.add(r.claim().orElse("–"));
    if (t.sourcesInspected()) {
      cells.add(r.source().map(DependencyTable.SourceCheck::summary).orElse("–"));
    }
    return "| " + String.join(" | ", cells.stream().map(this::cell).toList()) + " |";
  }

  private static String cellText(DependencyTable.Cell c) {
    String text = DependencyTextSection.cell(c);
    String tags = c.wheelTags();
    return tags.isEmpty() ? text : text.replace(tags, "`" + tags + "`");
  }

  public String standingIcon(DependencyTable.Standing s) {
    return switch (s) {
      case OK -> "🟢";
      case BLOCKER -> "🔴";
      case UNKNOWN -> "⚪";
    };
  }

  /** {@code 9 packages, 3 block at least one target}. */
  public String dependencySummary() {
    DependencyTable t = report.dependencies();
    int n = t.packages().size();
    int b = t.blockers().size();
    return n
        + (n == 1 ? " package" : " packages")
        + ", "
        + b
        + (b == 1 ? " blocks" : " block")
        + " at least one target";
  }
}
