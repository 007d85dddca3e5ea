package dev.ftscout.report;

import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * What the HTML template shows, precomputed from a {@link Report}: findings grouped by file, rule
 * docs rendered from markdown, counts. The template only lays it out.
 */
public final class HtmlView {
  private final Report report;
  private final Map<String, String> ruleDocHtml = new LinkedHashMap<>();

  /** One file's findings. */
  public record FileGroup(String path, List<Finding> findings, Severity worst) {}

  HtmlView(Report report) {
    this.report = report;
    List<Extension> extensions = List.of(TablesExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    // Rule docs are our own files; raw HTML in them is still escaped so a report stays inert.
    HtmlRenderer renderer =
        HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    for (RuleEntry rule : report.rules()) {
      if (!rule.helpMarkdown().isBlank()) {
        ruleDocHtml.put(rule.info().id(), renderer.render(parser.parse(rule.helpMarkdown())));
      }
    }
  }

  public Report report() {
    return report;
  }

  /** Findings grouped by file, files in path order. */
  public List<FileGroup> files() {
    Map<String, List<Finding>> byPath = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
    }
    List<FileGroup> groups = new ArrayList<>();
    byPath.forEach((path, list) ->
        groups.add(
            new FileGroup(
                path,
                list,
                list.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow())));
    return groups;
  }

  public int count(Severity severity) {
    return report.countsBySeverity().getOrDefault(severity, 0);
  }

  /** The rule's doc page as HTML, or empty. */
  public String ruleDoc(String ruleId) {
    return ruleDocHtml.getOrDefault(ruleId, "");
  }

  /** The concurrency kinds seen: words, count, examples; kinds in their order. */
  public List<String[]> concurrencyRows() {
    return ConcurrencyLabels.rows(report.concurrency(), 5);
  }

  public String ruleName(String ruleId) {
    return report.rule(ruleId).map(r -> r.info().name()).orElse("");
  }

  public String ruleUri(String ruleId) {
    return report.rule(ruleId).map(RuleEntry::helpUri).orElse("");
  }

  /** The project's folder name, for the title. */
  public String projectName() {
    String root = report.root();
    int slash = root.replace('\\', '/').lastIndexOf('/');
    return slash < 0 || slash == root.length() - 1 ? root : root.substring(slash + 1);
  }

  /** The banner's CSS class: {@code verdict-no|maybe|yes}, or empty without a verdict. */
  public String verdictClass() {
    return report
        .assessment()
        .map(a -> "verdict-" + a.verdict().name().toLowerCase(java.util.Locale.ROOT))
        .orElse("");
  }

  public String severityLabel(Severity s) {
    return s.label();
  }

  private final BenchCharts charts = new BenchCharts();

  /** The speed-up chart of one workload, as inline SVG. */
  public String speedupChart(dev.ftscout.model.BenchEvidence.Workload w) {
    return charts.speedup(w);
  }

  /** The tax chart, as inline SVG; empty when no free-threaded and GIL pair was measured. */
  public String taxChart() {
    return report
        .runtime()
        .bench()
        .filter(b -> !b.taxes().isEmpty())
        .map(b -> charts.tax(b.taxes()))
        .orElse("");
  }

  /** The memory chart, as inline SVG. */
  public String memoryChart() {
    return report.runtime().bench().map(b -> charts.memory(b.workloads())).orElse("");
  }

  /** {@code 0.123} seconds, three decimals. */
  public String seconds(double s) {
    return String.format(java.util.Locale.ROOT, "%.3f", s);
  }

  /** A ratio as a signed percentage, e.g. {@code +12.0%}. */
  public String percent(double ratio) {
    return String.format(java.util.Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
  }

  /** Speed-up of a point, e.g. {@code 3.52×}, or a dash. */
  public String speedup(
      dev.ftscout.model.BenchEvidence.Series s, dev.ftscout.model.BenchEvidence.Point p) {
    double v = s.speedup(p);
    return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.2f×", v) : "–";
  }

  /** The serial fraction of a series, or a dash. */
  public String serialFraction(dev.ftscout.model.BenchEvidence.Series s) {
    return s.serialFraction().isPresent()
        ? String.format(java.util.Locale.ROOT, "%.2f", s.serialFraction().getAsDouble())
        : "–";
  }

  /** A test's outcomes in one configuration, e.g. {@code passed, failed}. */
  public String outcomes(dev.ftscout.model.TestEvidence.TestOutcomes t, String configuration) {
    java.util.List<dev.ftscout.model.TestEvidence.Outcome> list = t.outcomes().get(configuration);
    return list == null
        ? "–"
        : String.join(
            ", ", list.stream().map(dev.ftscout.model.TestEvidence.Outcome::label).toList());
  }

  /** CSS class for an outcome cell: the worst outcome wins. */
  public String outcomeClass(dev.ftscout.model.TestEvidence.TestOutcomes t, String configuration) {
    java.util.List<dev.ftscout.model.TestEvidence.Outcome> list = t.outcomes().get(configuration);
    if (list == null) {
      return "muted";
    }
    return list.stream().anyMatch(dev.ftscout.model.TestEvidence.Outcome::bad)
        ? "decl-no"
        : "decl-yes";
  }

  public int count(
      dev.ftscout.model.TestEvidence.Configuration c, dev.ftscout.model.TestEvidence.Outcome o) {
    return c.counts().getOrDefault(o.label(), 0);
  }

  /** A dependency's cell on one target: status words and the wheel tags that install there. */
  public String dependencyCell(dev.ftscout.model.DependencyTable.Row r, String target) {
    return r.on(target).map(DependencyTextSection::cell).orElse("–");
  }

  /** CSS class of a dependency's cell: green when it runs free-threaded, red when it blocks. */
  public String dependencyClass(dev.ftscout.model.DependencyTable.Row r, String target) {
    return r.on(target)
        .map(c ->
            switch (c.status().standing()) {
              case OK -> "decl-yes";
              case BLOCKER -> "decl-no";
              case UNKNOWN -> "decl-conditional";
            })
        .orElse("muted");
  }

  /** One version when every target agrees, else one per target. */
  public String firstFreeThreaded(dev.ftscout.model.DependencyTable.Row r) {
    return DependencyTextSection.firstFreeThreaded(r);
  }

  /** How many packages have this standing. */
  public long dependencyCount(dev.ftscout.model.DependencyTable.Standing s) {
    return report.dependencies().packages().stream().filter(r -> r.standing() == s).count();
  }
}
