package dev.ftscout.rules.python;

import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.FixtureHarness;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.testing.TestVenvs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Test helpers for the Python rules: fixture folders, the analyzer, and in-memory projects. */
final class PyFixtures {
  private PyFixtures() {}

  static Path folder(String ruleId) {
    return TestVenvs.basedir().resolve("src/test/resources/rules").resolve(ruleId);
  }

  static List<Path> of(String ruleId) {
    return FixtureHarness.fixtures(folder(ruleId));
  }

  static PythonAnalyzer analyzer() {
    return PythonAnalyzer.of(RuleRegistry.standard());
  }

  /** Every FT1xx rule id, so fixtures are checked against all Python rules at once. */
  static Set<String> allPythonRules() {
    return RuleRegistry.standard().ofType(PythonRule.class).stream()
        .map(r -> r.info().id())
        .collect(Collectors.toSet());
  }

  /** Asserts the fixture's findings match its markers, all Python rules on. */
  static AnalysisResult check(Path fixture) {
    return FixtureHarness.assertMatches(analyzer(), fixture, allPythonRules());
  }

  /** Analyzes in-memory files (path to source) with all Python rules, for a target version. */
  static AnalysisResult analyze(Map<String, String> files, String target) {
    List<SourceFile> sources = new ArrayList<>();
    files.forEach((path, text) ->
        sources.add(new SourceFile(path, Path.of(path), text.getBytes(StandardCharsets.UTF_8))));
    return analyzer().analyze(sources, new AnalysisContext(allPythonRules(), target, 2));
  }

  /** The finding of a rule on a line of a file. */
  static Finding at(AnalysisResult r, String path, int line, String ruleId) {
    return r.findings().stream()
        .filter(f -> f.path().equals(path) && f.span().line() == line && f.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow(() ->
            new AssertionError(
                "no " + ruleId + " at " + path + ":" + line + " in " + r.findings()));
  }
}
