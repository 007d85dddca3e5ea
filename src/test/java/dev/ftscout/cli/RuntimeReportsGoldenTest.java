package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.FailOn;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.report.HtmlWriter;
import dev.ftscout.report.JsonWriter;
import dev.ftscout.report.MarkdownWriter;
import dev.ftscout.report.Report;
import dev.ftscout.report.SarifWriter;
import dev.ftscout.report.TextWriter;
import dev.ftscout.rules.runtime.ProbeFacts;
import dev.ftscout.rules.runtime.ProbeRule;
import dev.ftscout.rules.runtime.RuntimeSamples;
import dev.ftscout.rules.runtime.TestRule;
import dev.ftscout.runtime.probe.ProbeResult;
import dev.ftscout.scan.Scanner;
import dev.ftscout.testing.Golden;
import dev.ftscout.testing.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every writer over a report carrying probe, test and bench evidence and the FT4xx findings the
 * runtime rules make of it (fixed sample evidence, so the goldens do not depend on the machine).
 */
class RuntimeReportsGoldenTest {
  private final ObjectMapper json = new ObjectMapper();
  private final Components components = Components.standard();

  Report report() {
    ProbeResult probe = RuntimeSamples.probe(ProbeResult.Mode.FREE_THREADED);
    ProbeFacts facts = new ProbeFacts(probe, RuntimeSamples.ROOT);
    List<Finding> findings = new ArrayList<>();
    List<RuleInfo> rules = new ArrayList<>();
    for (ProbeRule r : components.registry().ofType(ProbeRule.class)) {
      findings.addAll(r.check(facts));
      rules.add(r.info());
    }
    for (TestRule r : components.registry().ofType(TestRule.class)) {
      findings.addAll(r.check(RuntimeSamples.tests()));
      rules.add(r.info());
    }
    findings.sort(Scanner.ORDER);
    RuntimeEvidence evidence =
        new RuntimeEvidence(
            Optional.of(
                probe
                    .toEvidence()
                    .withChains(
                        Map.of("lxml", List.of("myapp", "readability-lxml", "lxml 6.1.1")))),
            Optional.of(RuntimeSamples.tests()),
            Optional.of(RuntimeSamples.bench()));
    return new Report(
        "0.0.0-test",
        "check",
        "/project",
        findings,
        List.of(),
        List.of(),
        List.of(),
        0,
        0,
        0,
        Reports.entries(rules, components),
        FailOn.WARNING,
        dev.ftscout.model.ConcurrencyFacts.none(),
        evidence,
        dev.ftscout.model.DependencyTable.none(),
        Optional.empty());
  }

  @Test
  void text() {
    String out = new TextWriter(false).write(report());
    assertThat(out)
        .contains("Probe: 6 modules imported in 3.14t", "via myapp → readability-lxml → lxml 6.1.1")
        .contains(
            "Regressions against the GIL baseline (5)", "Ran single-threaded under stress (1)")
        .contains("Free-threading tax (single thread, free-threaded over GIL)")
        .doesNotContain(" in 0 files");
    Golden.assertMatches("runtime.txt", out);
  }

  @Test
  void jsonMatchesGoldenAndSchema() throws Exception {
    String out = new JsonWriter(json).write(report());
    assertThat(Schemas.reportErrors(out)).isEmpty();
    JsonNode tree = json.readTree(out);
    assertThat(tree.path("probe").path("culprits").get(0).path("chain")).hasSize(3);
    assertThat(tree.path("probe").path("counts").path("reenables-gil").asInt()).isEqualTo(2);
    assertThat(tree.path("test").path("problems")).hasSize(5);
    assertThat(
            tree.path("bench")
                .path("workloads")
                .get(0)
                .path("series")
                .get(2)
                .path("points")
                .get(2)
                .path("speedup")
                .asDouble())
        .isBetween(3.6, 3.7);
    Golden.assertMatches("runtime.json", out);
  }

  @Test
  void sarifMatchesGoldenAndOfficialSchema() throws Exception {
    String out = new SarifWriter(json).write(report());
    assertThat(Schemas.sarifErrors(out)).isEmpty();
    JsonNode results = json.readTree(out).path("runs").get(0).path("results");
    assertThat(results).hasSize(report().findings().size());
    Golden.assertMatches("runtime.sarif", out);
  }

  @Test
  void markdown() {
    String out = new MarkdownWriter().write(report());
    assertThat(out)
        .contains(
            "#### Probe: 6 modules in 3.14t",
            "| `lxml.etree` | lxml 6.1.1 | myapp → readability-lxml → lxml 6.1.1 |");
    Golden.assertMatches("runtime.md", out);
  }

  @Test
  void html() {
    String out = new HtmlWriter().write(report());
    assertThat(out)
        .contains("<section id=\"probe\">", "<section id=\"tests\">", "<section id=\"bench\">")
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"")
        .doesNotContain("<link", "src=\"http", "url(http");
    Golden.assertMatches("runtime.html", out);
  }

  @Test
  void dependencyChainsAttachByModuleOrDistribution() {
    ProbeResult probe = RuntimeSamples.probe(ProbeResult.Mode.FREE_THREADED);
    var evidence =
        probe.toEvidence().withChains(Map.of("PyYAML", List.of("myapp", "PyYAML 6.0.2")));
    assertThat(evidence.culprits())
        .extracting(c -> c.chain())
        .containsExactly(List.of(), List.of("myapp", "PyYAML 6.0.2"));
  }
}
