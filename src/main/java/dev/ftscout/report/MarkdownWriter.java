package dev.ftscout.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Markdown for pull-request comments: compact, with details folded into {@code <details>}. Laid out
 * by {@code src/main/jte/markdown/report.jte}.
 */
public final class MarkdownWriter implements ReportWriter {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Plain,
          MarkdownWriter.class.getClassLoader(),
          "dev.ftscout.report.templates.markdown");

  @Override
  public String write(Report report) {
    StringOutput out = new StringOutput();
    engine.render("report.jte", new MarkdownView(report), out);
    return out.toString();
  }
}
