package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.rules.Rule;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dependency rule (FT3xx) in the registry has its doc page in the agreed shape, a test class,
 * and a doc example that is exactly what the rule reports for the sample audits ({@link
 * DependencySamples}: the demo project and the sample project with inspected sources).
 */
class DependencyRulesCatalogueTest {
  @TempDir static Path tmp;
  private static DependencySamples samples;
  private static AuditResult demo;
  private static AuditResult sample;

  @BeforeAll
  static void audit() {
    samples = DependencySamples.start(tmp);
    demo = samples.demo();
    sample = samples.sample();
  }

  @AfterAll
  static void stop() {
    samples.close();
  }

  static Stream<Rule> dependencyRules() {
    return RuleRegistry.standard().all().stream().filter(r -> r.info().id().startsWith("FT3"));
  }

  private static String doc(RuleInfo info) throws IOException {
    Path page = TestVenvs.basedir().resolve("docs/rules").resolve(info.docFileName());
    assertThat(page).as("doc page for %s", info.id()).exists();
    return Files.readString(page);
  }

  @ParameterizedTest
  @MethodSource("dependencyRules")
  void docPageHasTheAgreedShape(Rule rule) throws IOException {
    RuleInfo info = rule.info();
    String doc = doc(info);
    List<String> lines = doc.lines().toList();
    assertThat(lines.get(0)).isEqualTo("# " + info.id() + " " + info.name());
    assertThat(lines.get(2))
        .isEqualTo(
            "Severity: "
                + info.severity().label()
                + " · Family: dependencies · Precision: "
                + info.precision().sarif());
    assertThat(lines.get(4)).isEqualTo(info.summary() + ".");
    assertThat(doc)
        .contains("\n## Why\n", "\n## Example\n", "\n## Fix\n", "\n## Suppress\n", "\n## Sources\n")
        .contains("# ftscout: ignore[" + info.id() + "]", "--ignore " + info.id(), "baseline");
    String sources = doc.substring(doc.indexOf("\n## Sources\n"));
    info.sources().forEach(s -> assertThat(sources).contains("- " + s));
    assertThat(info.family()).isEqualTo("dependencies");
    assertThat(rule).isInstanceOf(DependencyRule.class);
  }

  @ParameterizedTest
  @MethodSource("dependencyRules")
  void hasATestClass(Rule rule) throws IOException {
    Path dir = TestVenvs.basedir().resolve("src/test/java/dev/ftscout/rules/deps");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(rule.info().id()) && n.endsWith("Test.java"));
    }
  }

  @ParameterizedTest
  @MethodSource("dependencyRules")
  void docExampleIsWhatTheRuleReports(Rule rule) throws IOException {
    String id = rule.info().id();
    String doc = doc(rule.info());
    String example =
        doc.substring(doc.indexOf("\n## Example\n"), doc.indexOf("\n## Fix\n"))
            .lines()
            .filter(l -> l.contains(" " + id + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no finding line in the example of " + id))
            .strip();
    DependencyRule r = (DependencyRule) rule;
    List<String> reported = new ArrayList<>();
    reported.addAll(DependencySamples.lines(r, demo, DependencySamples.DEMO));
    reported.addAll(DependencySamples.lines(r, sample, DependencySamples.SAMPLES));
    assertThat(reported).contains(example);
  }
}
