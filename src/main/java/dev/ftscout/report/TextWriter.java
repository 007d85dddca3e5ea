package dev.ftscout.report;

import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.UnusedSuppression;
import dev.ftscout.verdict.Assessment;
import dev.ftscout.verdict.Evidence;
import dev.ftscout.verdict.NextStep;
import dev.ftscout.verdict.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Terminal output: findings grouped by severity (most serious first) with the source line and a fix
 * hint, then the dependency audit, runtime evidence, the extension modules and whether each
 * declares GIL-free support, skipped files, unused suppressions, the concurrency signals seen (one
 * line), and a one-line summary.
 */
public final class TextWriter implements ReportWriter {
  private final Style style;

  /**
   * @param color whether to use ANSI colours (decided by the CLI from the terminal, {@code
   *     NO_COLOR} and {@code --no-color})
   */
  public TextWriter(boolean color) {
    this.style = new Style(color);
  }

  @Override
  public String write(Report report) {
    StringBuilder out = new StringBuilder();
    report.assessment().ifPresent(a -> appendVerdict(out, a));
    for (Severity severity : Severity.values()) {
      List<Finding> group =
          report.findings().stream().filter(f -> f.severity() == severity).toList();
      if (group.isEmpty()) {
        continue;
      }
      out.append(style.severity(severity, heading(severity) + " (" + group.size() + ")"))
          .append('\n');
      for (Finding f : group) {
        appendFinding(out, f);
      }
      out.append('\n');
    }
    if (!report.dependencies().isEmpty()) {
      new DependencyTextSection(style).write(out, report.dependencies());
    }
    RuntimeTextSections runtime = new RuntimeTextSections(style);
    report.runtime().probe().ifPresent(p -> runtime.probe(out, p));
    report.runtime().tests().ifPresent(t -> runtime.tests(out, t));
    report.runtime().bench().ifPresent(b -> runtime.bench(out, b));
    appendModules(out, report.extensionModules());
    appendSkipped(out, report.skipped());
    appendUnused(out, report.unusedSuppressions());
    if (!report.concurrency().signals().isEmpty()) {
      out.append(style.bold("Concurrency:"))
          .append(' ')
          .append(ConcurrencyLabels.summary(report.concurrency()))
          .append('\n');
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  private void appendVerdict(StringBuilder out, Assessment a) {
    String banner = "Verdict: " + a.verdict().label();
    String coloured =
        switch (a.verdict()) {
          case NO -> style.red(style.bold(banner));
          case MAYBE -> style.yellow(style.bold(banner));
          case YES -> style.green(style.bold(banner));
        };
    out.append(coloured)
        .append(style.dim(" (confidence: " + a.confidence().label() + ")"))
        .append('\n');
    if (!a.reasons().isEmpty()) {
      out.append(style.bold("Why")).append('\n');
      int n = 1;
      for (Reason r : a.reasons()) {
        out.append(String.format(java.util.Locale.ROOT, "%3d. ", n++))
            .append(r.title())
            .append(style.dim("  [" + r.rule() + " → " + r.pointsTo().label() + "]"))
            .append('\n');
        for (Evidence e : r.evidence()) {
          out.append("       - ").append(e.text()).append('\n');
        }
      }
    }
    if (!a.failedParts().isEmpty()) {
      out.append(style.red("Not checked (failed)")).append('\n');
      a.failedParts().forEach(f -> out.append("     - ").append(f).append('\n'));
    }
    if (!a.nextSteps().isEmpty()) {
      out.append(style.bold("Next steps")).append('\n');
      int n = 1;
      for (NextStep step : a.nextSteps()) {
        out.append(String.format(java.util.Locale.ROOT, "%3d. ", n++))
            .append(step.action())
            .append('\n');
        if (!step.command().isEmpty()) {
          out.append("       ").append(style.cyan("$ " + step.command())).append('\n');
        }
      }
    }
    out.append('\n');
  }

  private static String heading(Severity s) {
    return switch (s) {
      case ERROR -> "Errors";
      case WARNING -> "Warnings";
      case INFO -> "Info";
    };
  }

  private void appendFinding(StringBuilder out, Finding f) {
    out.append("  ")
        .append(style.bold(f.location()))
        .append(' ')
        .append(style.severity(f.severity(), f.ruleId()))
        .append(' ')
        .append(f.message())
        .append('\n');
    if (!f.snippet().isBlank() && !f.span().isWholeFile()) {
      List<String> lines = f.snippet().lines().toList();
      int indent = commonIndent(lines);
      String number = String.valueOf(f.span().line());
      String gutter = " ".repeat(number.length());
      for (int i = 0; i < lines.size() && i < 3; i++) {
        String no = i == 0 ? number : String.valueOf(f.span().line() + i);
        out.append("    ")
            .append(style.dim(pad(no, number.length()) + " |"))
            .append(' ')
            .append(stripIndent(lines.get(i), indent))
            .append('\n');
      }
      if (lines.size() == 1 && f.span().line() == f.span().endLine() && f.span().column() > 0) {
        int start = Math.max(0, f.span().column() - 1 - indent);
        int width = Math.max(1, f.span().endColumn() - f.span().column());
        out.append("    ")
            .append(style.dim(gutter + " |"))
            .append(' ')
            .append(" ".repeat(start))
            .append(style.severity(f.severity(), "^".repeat(width)))
            .append('\n');
      }
    }
    if (!f.fix().isBlank()) {
      out.append("    ").append(style.green("fix:")).append(' ').append(f.fix()).append('\n');
    }
  }

  private void appendModules(StringBuilder out, List<ExtensionModule> modules) {
    if (modules.isEmpty()) {
      return;
    }
    out.append(style.bold("Extension modules (" + modules.size() + ")")).append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"module", "binding", "defined at", "declares GIL-free"});
    for (ExtensionModule m : modules) {
      rows.add(
          new String[] {
            m.name(), m.binding().label(), m.path() + ":" + m.line(), m.declaration().label()
          });
    }
    int[] widths = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (int row = 0; row < rows.size(); row++) {
      String[] r = rows.get(row);
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < 3; i++) {
        line.append(pad(r[i], widths[i])).append("  ");
      }
      String declared = r[3];
      if (row == 0) {
        out.append(style.dim(line + declared)).append('\n');
        continue;
      }
      String shown =
          switch (modules.get(row - 1).declaration()) {
            case YES -> style.green(declared);
            case NO -> style.red(declared);
            case CONDITIONAL -> style.yellow(declared);
          };
      out.append(line).append(shown).append('\n');
    }
    for (ExtensionModule m : modules) {
      if (m.declaration() != ExtensionModule.GilDeclaration.YES) {
        out.append("  ").append(style.dim(m.name() + ": " + m.evidence())).append('\n');
      }
    }
    out.append('\n');
  }

  private void appendSkipped(StringBuilder out, List<SkippedFile> skipped) {
    if (skipped.isEmpty()) {
      return;
    }
    out.append(style.bold("Skipped files (" + skipped.size() + ")")).append('\n');
    for (SkippedFile s : skipped) {
      out.append("  ").append(s.path()).append(": ").append(s.reason()).append('\n');
    }
    out.append('\n');
  }

  private void appendUnused(StringBuilder out, List<UnusedSuppression> unused) {
    if (unused.isEmpty()) {
      return;
    }
    out.append(style.bold("Unused suppressions (" + unused.size() + ")")).append('\n');
    for (UnusedSuppression u : unused) {
      out.append("  ")
          .append(u.path())
          .append(':')
          .append(u.line())
          .append(": ")
          .append(
              u.rules().isEmpty()
                  ? "ftscout: ignore"
                  : "ignore[" + String.join(", ", u.rules()) + "]")
          .append(" (")
          .append(u.reason())
          .append(")\n");
    }
    out.append('\n');
  }

  private String summary(Report report) {
    Map<Severity, Integer> counts = report.countsBySeverity();
    int total = report.findings().size();
    StringBuilder s = new StringBuilder();
    if (total == 0) {
      s.append(style.green("No findings"));
    } else {
      s.append(style.bold(total + (total == 1 ? " finding" : " findings")));
      List<String> parts = new ArrayList<>();
      counts.forEach((sev, n) -> {
        if (n > 0) {
          parts.add(n + " " + sev.label(n));
        }
      });
      s.append(" (").append(String.join(", ", parts)).append(')');
    }
    // Runtime commands read no source files; "in 0 files" would only confuse.
    if (report.filesAnalyzed() > 0 || report.runtime().isEmpty()) {
      s.append(" in ")
          .append(report.filesAnalyzed())
          .append(report.filesAnalyzed() == 1 ? " file" : " files");
    }
    if (!report.skipped().isEmpty()) {
      s.append(", ").append(report.skipped().size()).append(" skipped");
    }
    if (report.suppressed() > 0) {
      s.append(", ").append(report.suppressed()).append(" suppressed");
    }
    if (report.baselined() > 0) {
      s.append(", ").append(report.baselined()).append(" in baseline");
    }
    s.append('.');
    if (report.failed()) {
      s.append(' ').append(style.red("Fails at --fail-on " + report.failOn().label() + "."));
    }
    return s.toString();
  }

  private static int commonIndent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      indent = Math.min(indent, i);
    }
    return indent == Integer.MAX_VALUE ? 0 : indent;
  }

  private static String stripIndent(String line, int indent) {
    return line.length() >= indent ? line.substring(indent) : line.strip();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
