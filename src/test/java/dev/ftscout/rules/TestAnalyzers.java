package dev.ftscout.rules;

import dev.ftscout.rules.cext.ExtensionAnalyzer;
import dev.ftscout.rules.python.PythonAnalyzer;

/** The analyzer that runs a rule family, for family-neutral meta-tests. */
final class TestAnalyzers {
  private TestAnalyzers() {}

  static Analyzer forFamily(RuleRegistry registry, String family) {
    return switch (family) {
      case "extension" -> ExtensionAnalyzer.of(registry);
      case "python" -> PythonAnalyzer.of(registry);
      default -> throw new IllegalArgumentException("no analyzer for rule family " + family);
    };
  }
}
