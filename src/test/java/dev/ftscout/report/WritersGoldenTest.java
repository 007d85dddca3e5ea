package dev.ftscout.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.Config;
import dev.ftscout.config.FailOn;
import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.Binding;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import dev.ftscout.scan.ScanResult;
import dev.ftscout.scan.Scanner;
import dev.ftscout.testing.Golden;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.TestVenvs;
import dev.ftscout.testing.WordRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every writer against a golden file, from a real scan of {@code projects/words} with the test word
 * rules. The root is printed as {@code /project} so the goldens do not depend on the machine.
 */
class WritersGoldenTest {
  private final ObjectMapper json = new ObjectMapper();

  /** The report of a real scan of {@code projects/words}, shared with the browser test. */
  static Report report() {
    Path root = TestVenvs.basedir().resolve("src/test/resources/projects/words");
    ScanResult scan =
        new Scanner(WordRules.registry(), List.of(WordRules.analyzer()), new ObjectMapper())
            .scan(List.of(root), Config.defaults(root));
    List<RuleEntry> rules =
        scan.enabledRules().stream()
            .map(r ->
                new RuleEntry(
                    r,
                    "# " + r.id() + " " + r.name() + "\n\n" + r.summary() + ".\n",
                    "https://example.invalid/rules/" + r.docFileName()))
            .toList();
    List<ExtensionModule> modules =
        List.of(
            new ExtensionModule(
                "demo._speedups",
                Binding.C_MULTI_PHASE,
                "src/speedups.c",
                120,
                GilDeclaration.NO,
                "no Py_mod_gil slot in speedups_slots"),
            new ExtensionModule(
                "demo._fast",
                Binding.CYTHON,
                "src/fast.pyx",
                1,
                GilDeclaration.YES,
                "# cython: freethreading_compatible=True"));
    return new Report(
        "0.0.0-test",
        "scan",
        "/project",
        scan.findings(),
        modules,
        scan.skipped(),
        scan.unusedSuppressions(),
        scan.filesAnalyzed(),
        scan.suppressed(),
        scan.baselined(),
        rules,
        FailOn.WARNING,
        new ConcurrencyFacts(
            List.of(
                new ConcurrencyFacts.Signal(
                    ConcurrencyFacts.Kind.THREAD_POOL, "ThreadPoolExecutor", "src/core.py", 12),
                new ConcurrencyFacts.Signal(
                    ConcurrencyFacts.Kind.THREADING, "threading.Thread", "src/core.py", 30),
                new ConcurrencyFacts.Signal(
                    ConcurrencyFacts.Kind.NETWORK_CLIENT, "requests", "src/net.py", 1))));
  }

  @Test
  void text() {
    String out = new TextWriter(false).write(report());
    assertThat(out).doesNotContain("\u001b[");
    assertThat(out).contains("Concurrency: network client 1, threading 1, thread pool 1\n");
    Golden.assertMatches("words.txt", out);
  }

  @Test
  void textWithColour() {
    String out = new TextWriter(true).write(report());
    assertThat(out).contains("\u001b[1;31m");
    Golden.assertMatches("words-color.txt", out);
  }

  @Test
  void jsonMatchesGoldenAndSchema() throws Exception {
    String out = new JsonWriter(json).write(report());
    assertThat(Schemas.reportErrors(out)).isEmpty();
    JsonNode tree = json.readTree(out);
    assertThat(tree.path("summary").path("findings").asInt()).isEqualTo(5);
    assertThat(tree.path("concurrency").path("counts").path("threadPool").asInt()).isEqualTo(1);
    assertThat(tree.path("concurrency").path("counts").path("asyncio").asInt()).isZero();
    assertThat(tree.path("concurrency").path("signals").get(2).path("kind").asText())
        .isEqualTo("networkClient");
    Golden.assertMatches("words.json", out);
  }

  @Test
  void sarifMatchesGoldenAndOfficialSchema() throws Exception {
    String out = new SarifWriter(json).write(report());
    assertThat(Schemas.sarifErrors(out)).isEmpty();
    JsonNode run = json.readTree(out).path("runs").get(0);
    assertThat(run.path("results")).hasSize(5);
    assertThat(run.path("tool").path("driver").path("rules").get(0).path("helpUri").asText())
        .startsWith("https://");
    assertThat(
            run.path("results")
                .get(3)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("src/with%20space.txt");
    Golden.assertMatches("words.sarif", out);
  }

  @Test
  void html() {
    String out = new HtmlWriter().write(report());
    assertThat(out).startsWith("<!DOCTYPE html>").doesNotContain("http://", "<link", "src=\"http");
    assertThat(out).contains("<section id=\"concurrency\">", "<td>thread pool</td><td>1</td>");
    Golden.assertMatches("words.html", out);
  }

  @Test
  void markdown() {
    String out = new MarkdownWriter().write(report());
    assertThat(out).contains("<details>", "| 🔴 error | `FT199` word-leak | `src/core.txt:5:1` |");
    assertThat(out).contains("| threading | 1 | threading.Thread |");
    Golden.assertMatches("words.md", out);
  }

  @Test
  void schemasRejectBrokenDocuments() {
    assertThat(Schemas.reportErrors("{\"schemaVersion\": 2}")).isNotEmpty();
    assertThat(Schemas.sarifErrors("{\"version\": \"2.1.0\", \"runs\": [{}]}")).isNotEmpty();
  }
}
