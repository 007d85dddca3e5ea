package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Version;
import dev.ftscout.report.HtmlWriter;
import dev.ftscout.report.JsonWriter;
import dev.ftscout.report.MarkdownWriter;
import dev.ftscout.report.Report;
import dev.ftscout.report.ReportWriter;
import dev.ftscout.report.RuleEntry;
import dev.ftscout.report.SarifWriter;
import dev.ftscout.report.TextWriter;
import dev.ftscout.scan.ScanResult;
import java.util.List;

/** Builds the {@link Report} of a command and writes it where the user asked. */
final class Reports {
  private Reports() {}

  static Report of(
      String command,
      ScanResult scan,
      Config config,
      Components components,
      boolean includeUnusedSuppressions) {
    return new Report(
        Version.current(),
        command,
        config.root().toString(),
        scan.findings(),
        scan.extensionModules(),
        scan.skipped(),
        includeUnusedSuppressions ? scan.unusedSuppressions() : List.of(),
        scan.filesAnalyzed(),
        scan.suppressed(),
        scan.baselined(),
        entries(scan.enabledRules(), components),
        config.failOn(),
        scan.concurrency());
  }

  static List<RuleEntry> entries(List<RuleInfo> rules, Components components) {
    return rules.stream()
        .map(r ->
            new RuleEntry(r, components.docs().markdown(r).orElse(""), components.docs().uri(r)))
        .toList();
  }

  static ReportWriter writer(Format format, boolean color, Components components) {
    return switch (format) {
      case TEXT -> new TextWriter(color);
      case JSON -> new JsonWriter(components.json());
      case SARIF -> new SarifWriter(components.json());
      case MARKDOWN -> new MarkdownWriter();
      case HTML -> new HtmlWriter();
    };
  }

  /** Writes the report to {@code --output} atomically, or to stdout. */
  static void emit(Report report, OutputOptions options, Terminal terminal, Components components) {
    boolean toFile = options.output().isPresent();
    boolean color = !toFile && terminal.colorOnStdout(options.noColor);
    String text = writer(options.format, color, components).write(report);
    if (toFile) {
      OutputFiles.writeAtomically(terminal.workingDir().resolve(options.output().get()), text);
    } else {
      terminal.out().print(text);
      terminal.out().flush();
    }
  }
}
