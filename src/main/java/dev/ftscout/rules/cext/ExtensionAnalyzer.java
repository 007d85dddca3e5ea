package dev.ftscout.rules.cext;

import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.cext.ExtensionReader;
import dev.ftscout.cext.ModuleFact;
import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.Analyzer;
import dev.ftscout.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a project's extension sources (C, C++, Cython, Rust, build files) once and runs every
 * enabled FT2xx rule over them. Besides findings it returns every file's comments (for
 * suppressions), the extension modules found with their GIL-free declarations, and the files it
 * skipped.
 */
public final class ExtensionAnalyzer implements Analyzer {
  private final List<ExtensionRule> rules;
  private final ExtensionReader reader;

  public ExtensionAnalyzer(List<ExtensionRule> rules, ExtensionReader reader) {
    this.rules = List.copyOf(rules);
    this.reader = reader;
  }

  /** The analyzer over the extension rules of a registry. */
  public static ExtensionAnalyzer of(RuleRegistry registry) {
    return new ExtensionAnalyzer(registry.ofType(ExtensionRule.class), new ExtensionReader());
  }

  @Override
  public boolean wants(String path) {
    return ExtensionReader.wants(path);
  }

  @Override
  public AnalysisResult analyze(List<SourceFile> files, AnalysisContext context) {
    ExtensionProject project = reader.read(files);
    FindingSink sink = new FindingSink(project);
    for (ExtensionRule rule : rules) {
      if (context.enabled(rule.info().id())) {
        rule.check(project, sink);
      }
    }
    List<Finding> findings = new ArrayList<>(sink.findings());
    findings.sort(
        Comparator.comparing(Finding::path)
            .thenComparingInt(f -> f.span().line())
            .thenComparingInt(f -> f.span().column())
            .thenComparing(Finding::ruleId));
    return new AnalysisResult(
        findings,
        project.comments(),
        project.modules().stream().map(ModuleFact::module).toList(),
        project.skipped(),
        project.filesAnalyzed());
  }
}
