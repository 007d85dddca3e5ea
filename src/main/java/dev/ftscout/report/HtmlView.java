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
    List<String[]> rows = new ArrayList<>();
    report
        .concurrency()
        .counts()
        .forEach((k, n) -> {
          if (n > 0) {
            rows.add(
                new String[] {
                  ConcurrencyLabels.words(k),
                  String.valueOf(n),
                  ConcurrencyLabels.examples(report.concurrency(), k, 5)
                });
          }
        });
    return rows;
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

  public String severityLabel(Severity s) {
    return s.label();
  }
}
