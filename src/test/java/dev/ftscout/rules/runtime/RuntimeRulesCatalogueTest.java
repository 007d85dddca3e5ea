package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.rules.Rule;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.runtime.probe.ProbeResult;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every runtime rule (FT4xx) in the registry has its doc page in the agreed shape, a test class,
 * and a doc example that is exactly what the rule reports for the sample evidence.
 */
class RuntimeRulesCatalogueTest {
  static Stream<Rule> runtimeRules() {
    return RuleRegistry.standard().all().stream().filter(r -> r.info().id().startsWith("FT4"));
  }

  private static String doc(RuleInfo info) throws IOException {
    Path page = TestVenvs.basedir().resolve("docs/rules").resolve(info.docFileName());
    assertThat(page).as("doc page for %s", info.id()).exists();
    return Files.readString(page);
  }

  @ParameterizedTest
  @MethodSource("runtimeRules")
  void docPageHasTheAgreedShape(Rule rule) throws IOException {
    RuleInfo info = rule.info();
    String doc = doc(info);
    List<String> lines = doc.lines().toList();
    assertThat(lines.get(0)).isEqualTo("# " + info.id() + " " + info.name());
    assertThat(lines.get(2))
        .isEqualTo(
            "Severity: "
                + info.severity().label()
                + " · Family: runtime · Precision: "
                + info.precision().sarif());
    assertThat(lines.get(4)).isEqualTo(info.summary() + ".");
    assertThat(doc)
        .contains(
            "\n## Why\n", "\n## Example\n", "\n## Fix\n", "\n## Suppress\n", "\n## Sources\n");
    String sources = doc.substring(doc.indexOf("\n## Sources\n"));
    info.sources().forEach(s -> assertThat(sources).contains("- " + s));
    assertThat(info.family()).isEqualTo("runtime");
  }

  @ParameterizedTest
  @MethodSource("runtimeRules")
  void hasATestClass(Rule rule) throws IOException {
    Path dir = TestVenvs.basedir().resolve("src/test/java/dev/ftscout/rules/runtime");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(rule.info().id()) && n.endsWith("Test.java"));
    }
  }

  @ParameterizedTest
  @MethodSource("runtimeRules")
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
    List<Finding> findings = new ArrayList<>();
    if (rule instanceof ProbeRule p) {
      findings.addAll(
          p.check(
              new ProbeFacts(
                  RuntimeSamples.probe(ProbeResult.Mode.FREE_THREADED), RuntimeSamples.ROOT)));
    }
    if (rule instanceof TestRule t) {
      findings.addAll(t.check(RuntimeSamples.tests()));
    }
    assertThat(findings.stream().map(f -> f.location() + " " + f.ruleId() + " " + f.message()))
        .contains(example);
  }
}
