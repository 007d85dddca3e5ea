package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.FailOn;
import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.deps.audit.AuditTables;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Version;
import dev.ftscout.report.HtmlWriter;
import dev.ftscout.report.JsonWriter;
import dev.ftscout.report.MarkdownWriter;
import dev.ftscout.report.Report;
import dev.ftscout.report.SarifWriter;
import dev.ftscout.report.TextWriter;
import dev.ftscout.rules.deps.DependencyFacts;
import dev.ftscout.rules.deps.DependencyRule;
import dev.ftscout.rules.deps.DependencySamples;
import dev.ftscout.scan.Scanner;
import dev.ftscout.testing.Golden;
import dev.ftscout.testing.Schemas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every writer over the dependency audit: the demo project (chains, plan, per-target wheels) in all
 * five formats, and the sample project with inspected sources in text and JSON. The audits are
 * real, against the loopback index; the index URL and tool version are fixed so the goldens do not
 * depend on the run. Update with {@code -Dftscout.updateGoldens=true}.
 */
class DepsReportsGoldenTest {
  @TempDir static Path tmp;
  private static DependencySamples samples;
  private static Report demo;
  private static Report sample;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void audit() {
    samples = DependencySamples.start(tmp);
    demo =
        report(
            samples.demo(),
            DependencySamples.DEMO,
            List.of(
                DependencySamples.DEMO.resolve("uv.lock"),
                DependencySamples.DEMO.resolve("pyproject.toml")),
            false);
    sample =
        report(
            samples.sample(),
            DependencySamples.SAMPLES,
            List.of(DependencySamples.SAMPLES.resolve("requirements.txt")),
            true);
  }

  @AfterAll
  static void stop() {
    samples.close();
  }

  /** The report {@code ftscout deps} builds, as {@link DepsCommand} builds it. */
  static Report report(AuditResult result, Path root, List<Path> inputs, boolean inspected) {
    Components components = Components.standard();
    DependencyFacts facts = new DependencyFacts(result, root);
    List<Finding> findings = new ArrayList<>();
    List<RuleInfo> rules = new ArrayList<>();
    for (DependencyRule r : components.registry().ofType(DependencyRule.class)) {
      findings.addAll(r.check(facts));
      rules.add(r.info());
    }
    findings.sort(Scanner.ORDER);
    return new Report(
            "0.0.0-test",
            "deps",
            "/project",
            findings,
            List.of(),
            List.of(),
            List.of(),
            inputs.size(),
            0,
            0,
            Reports.entries(rules, components),
            FailOn.WARNING,
            dev.ftscout.model.ConcurrencyFacts.none())
        .withDependencies(
            AuditTables.of(
                result,
                root,
                inputs,
                List.of("http://127.0.0.1/simple/ (command line / [tool.ftscout])"),
                inspected));
  }

  /** The demo's report, shared with the browser test. */
  static Report demoReport(Path work) {
    try (DependencySamples s = DependencySamples.start(work)) {
      return report(
          s.demo(),
          DependencySamples.DEMO,
          List.of(
              DependencySamples.DEMO.resolve("uv.lock"),
              DependencySamples.DEMO.resolve("pyproject.toml")),
          false);
    }
  }

  @Test
  void text() {
    String out = new TextWriter(false).write(demo);
    assertThat(out)
        .contains(
            "myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first free-threaded release"
                + " 2.3.3",
            "bump pandas 2.1.0 → 2.3.3",
            "cp314-cp314t-manylinux_2_27_x86_64.manylinux_2_28_x86_64");
    Golden.assertMatches("deps.txt", out);
    Golden.assertMatches("deps-inspected.txt", new TextWriter(false).write(sample));
  }

  @Test
  void textInColourMarksBlockers() {
    String out = new TextWriter(true).write(demo);
    assertThat(out).contains("\u001b[31mmyapp → pandas 2.1.0");
  }

  @Test
  void jsonMatchesGoldenAndSchema() throws Exception {
    String out = new JsonWriter(json).write(demo);
    assertThat(Schemas.reportErrors(out)).isEmpty();
    JsonNode deps = json.readTree(out).path("dependencies");
    assertThat(deps.path("summary").path("packages").asInt()).isEqualTo(13);
    assertThat(deps.path("chains")).hasSize(7);
    assertThat(deps.path("plan").path("conflicts").get(0).path("at").asText())
        .isEqualTo("pyproject.toml:7:6");
    Golden.assertMatches("deps.json", out);
    String inspected = new JsonWriter(json).write(sample);
    assertThat(Schemas.reportErrors(inspected)).isEmpty();
    Golden.assertMatches("deps-inspected.json", inspected);
  }

  @Test
  void sarifMatchesGoldenAndOfficialSchema() throws Exception {
    String out = new SarifWriter(json).write(demo);
    assertThat(Schemas.sarifErrors(out)).isEmpty();
    assertThat(Schemas.sarifErrors(new SarifWriter(json).write(sample))).isEmpty();
    JsonNode results = json.readTree(out).path("runs").get(0).path("results");
    assertThat(results).hasSize(demo.findings().size());
    assertThat(results.get(0).path("ruleId").asText()).isEqualTo("FT301");
    Golden.assertMatches("deps.sarif", out);
  }

  @Test
  void markdown() {
    String out = new MarkdownWriter().write(demo);
    assertThat(out)
        .contains(
            "#### Dependencies: 13 packages, 4 block at least one target",
            "<details><summary>Dependency table (13 packages)</summary>",
            "- bump pandas 2.1.0 → 2.3.3 for 3.13t/manylinux_2_28_x86_64,"
                + " 3.14t/manylinux_2_28_x86_64");
    Golden.assertMatches("deps.md", out);
  }

  @Test
  void html() {
    String out = new HtmlWriter().write(demo);
    assertThat(out)
        .contains("<section id=\"dependencies\">", "id=\"deps-table\"", "id=\"dep-filter\"")
        .doesNotContain("<link", "src=\"http", "url(http");
    Golden.assertMatches("deps.html", out);
  }

  @Test
  void reportsWithoutAnAuditHaveNoDependencySection() throws Exception {
    Report none =
        new Report(
            Version.current(),
            "scan",
            "/project",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            0,
            0,
            0,
            List.of(),
            FailOn.WARNING,
            dev.ftscout.model.ConcurrencyFacts.none());
    assertThat(new TextWriter(false).write(none)).doesNotContain("Dependencies");
    assertThat(json.readTree(new JsonWriter(json).write(none)).has("dependencies")).isFalse();
    assertThat(new MarkdownWriter().write(none)).doesNotContain("Dependencies");
    assertThat(new HtmlWriter().write(none)).doesNotContain("id=\"dependencies\"");
  }
}
