package dev.ftscout.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * One self-contained HTML file: inline CSS, inline SVG and a little inline script for sorting and
 * filtering, no network access, works from {@code file://}. Laid out by the jte template {@code
 * src/main/jte/html/report.jte}, precompiled into the jar.
 */
public final class HtmlWriter implements ReportWriter {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          HtmlWriter.class.getClassLoader(),
          "dev.ftscout.report.templates.html");

  @Override
  public String write(Report report) {
    StringOutput out = new StringOutput();
    engine.render("report.jte", new HtmlView(report), out);
    return out.toString();
  }
}
