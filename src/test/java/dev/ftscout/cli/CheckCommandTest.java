package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.HeadlessChromium;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftscout check} end to end: real scan, the audit against a loopback index, history. */
class CheckCommandTest {
  @TempDir Path tmp;
  private LoopbackIndex index;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void startIndex() {
    index =
        LoopbackIndex.fromFixture(
                TestVenvs.basedir().resolve("src/test/resources/deps/index/demo-index.json"))
            .start();
  }

  @AfterEach
  void stopIndex() {
    index.close();
  }

  /** An environment that sends the audit to the loopback index and keeps state in tmp. */
  private Map<String, String> env() {
    Map<String, String> env = index.userEnvironment(tmp);
    env.put("FTSCOUT_HISTORY", tmp.resolve("history.sqlite").toString());
    return env;
  }

  private CliRun.Result check(Path dir, String... args) {
    String[] all = Stream.concat(Stream.of("check"), Stream.of(args)).toArray(String[]::new);
    return CliRun.run(Components.standard(), dir, env(), all);
  }

  private static Path example(String name) {
    return TestVenvs.basedir().resolve("examples").resolve(name);
  }

  @Test
  void ownExtensionWithoutDeclarationIsNo() {
    CliRun.Result r = check(example("c-extension-demo"), "--no-deps");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("Verdict: No (confidence: static)\n")
        .contains(
            "1. 1 own extension module does not declare GIL-free support",
            "Declare GIL-free support in textstats._counter",
            "$ ftscout check . --probe",
            "Dependencies were not audited: switched off (--no-deps)");
  }

  @Test
  void dependencyBlockersFollowTheConfiguredTargetsWithFindingsAndTable() {
    CliRun.Result r = check(example("deps-demo"));
    assertThat(r.out())
        .as(r.err())
        .startsWith("Verdict: No (confidence: static)")
        .contains(
            "dependencies have no free-threaded wheel for 3.13t",
            "numpy@1.26.4: myapp → pandas 2.1.0 → numpy 1.26.4: no cp313t wheel; first"
                + " free-threaded release 2.1.0",
            "pyproject.toml:7:6 FT301 pandas 2.1.0 has no free-threaded wheel for 3.13t, 3.14t",
            "Upgrade pandas 2.1.0 → 2.3.3",
            "Dependencies: 13 packages, 4 block at least one target");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void dependencyBlockersWithChainsAndThePlan() {
    CliRun.Result r = check(example("deps-demo"), "--target", "3.14t");
    assertThat(r.out())
        .as(r.err())
        .startsWith("Verdict: No (confidence: static)")
        .contains(
            "dependencies have no free-threaded wheel for 3.14t",
            "numpy@1.26.4: myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first"
                + " free-threaded release 2.3.3",
            "Upgrade numpy 1.26.4 → 2.3.3");
  }

  @Test
  void writtenBaselineAcceptsEveryCurrentFindingOfEveryPart() throws IOException {
    Path project = tmp.resolve("project");
    copy(example("deps-demo"), project);
    Files.writeString(
        project.resolve("counter.py"),
        """
        import threading

        hits = 0


        def hit():
            global hits
            hits += 1


        threading.Thread(target=hit).start()
        """);
    CliRun.Result written = check(project, "--write-baseline", "baseline.json");
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).isEmpty();
    String baseline = Files.readString(project.resolve("baseline.json"));
    assertThat(baseline).contains("FT101", "FT301");

    CliRun.Result accepted = check(project, "--baseline", "baseline.json");
    assertThat(accepted.exitCode()).as(accepted.out()).isZero();
    assertThat(accepted.out()).contains(" in baseline");

    Files.writeString(
        project.resolve("other.py"),
        """
        import threading

        total = 0


        def add():
            global total
            total += 1


        threading.Thread(target=add).start()
        """);
    CliRun.Result fresh = check(project, "--baseline", "baseline.json");
    assertThat(fresh.exitCode()).isEqualTo(1);
    assertThat(fresh.out()).contains("other.py:8:5 FT101").doesNotContain("counter.py:8:5 FT101");
  }

  @Test
  void probeConfiguredInTheProjectRunsWithoutTheFlag() throws IOException {
    Path project = tmp.resolve("configured");
    copy(example("c-extension-demo"), project);
    Files.writeString(project.resolve("ftscout.toml"), "probe = true\n");
    String gil = dev.ftscout.testing.Pythons.forVenvs().orElseThrow().executable().toString();
    CliRun.Result r = check(project, "--no-deps", "--python", gil, "--format", "json");
    JsonNode verdict = json.readTree(r.out()).path("verdict");
    // The probe ran, and refused the GIL build as it does when asked with --probe.
    assertThat(verdict.path("failedParts").toString()).as(r.out()).contains("probe: ", "GIL build");
  }

  @Test
  void historyDiffShowsADependencyThatBecameFreeThreaded() throws IOException {
    Path project = Files.createDirectories(tmp.resolve("upgrading"));
    Path pyproject = project.resolve("pyproject.toml");
    Files.writeString(
        pyproject,
        """
        [project]
        name = "upgrading"
        version = "1.0"
        dependencies = ["numpy==1.26.4"]
        """);
    Files.writeString(project.resolve("app.py"), "import numpy\n");
    CliRun.Result before =
        check(project, "--save", "--target", "3.14t", "--platform", "manylinux_2_28_x86_64");
    assertThat(before.out()).as(before.err()).startsWith("Verdict: No");
    Files.writeString(
        pyproject, Files.readString(pyproject).replace("numpy==1.26.4", "numpy==2.3.3"));
    CliRun.Result after =
        check(project, "--save", "--target", "3.14t", "--platform", "manylinux_2_28_x86_64");
    assertThat(after.out()).as(after.err()).startsWith("Verdict: Maybe");

    CliRun.Result diff =
        CliRun.run(Components.standard(), project, env(), "history", "diff", "1", "2");
    assertThat(diff.exitCode()).as(diff.err()).isZero();
    assertThat(diff.out())
        .contains(
            "Verdict: No → Maybe",
            "Dependencies that became free-threaded (1)",
            "numpy [3.14t/manylinux_2_28_x86_64]: 1.26.4 (no free-threaded wheel) → 2.3.3"
                + " (free-threaded wheel)")
        .contains("Fixed findings (2)", "FT301", "FT302");
  }

  @Test
  void aMissingProjectIsAUsageError() {
    CliRun.Result r = check(tmp, "no-such-project");
    assertThat(r.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(r.err()).contains("no-such-project: no such file or folder");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aFailingPartIsReportedAndTheRestKept() throws IOException {
    Map<String, String> env = env();
    env.put("UV_DEFAULT_INDEX", "http://127.0.0.1:9/simple/");
    CliRun.Result r =
        CliRun.run(Components.standard(), example("deps-demo"), env, "check", "--format", "json");
    JsonNode report = json.readTree(r.out());
    assertThat(Schemas.reportErrors(r.out())).isEmpty();
    JsonNode verdict = report.path("verdict");
    assertThat(verdict.path("verdict").asText()).as(r.out()).isEqualTo("Maybe");
    assertThat(verdict.path("failedParts").get(0).asText())
        .startsWith("dependency audit: cannot reach the package index http://127.0.0.1:9/simple/");
    assertThat(verdict.path("reasons").get(0).path("title").asText())
        .startsWith("Dependencies were not audited");
    assertThat(report.path("summary").path("filesAnalyzed").asInt()).isPositive();
  }

  @Test
  void everyFormatCarriesTheVerdict() throws Exception {
    Path project = example("deps-demo");
    CliRun.Result sarif = check(project, "--format", "sarif");
    assertThat(Schemas.sarifErrors(sarif.out())).isEmpty();
    assertThat(
            json.readTree(sarif.out())
                .path("runs")
                .get(0)
                .path("properties")
                .path("ftscout/verdict")
                .path("verdict")
                .asText())
        .isEqualTo("No");
    CliRun.Result md = check(project, "--format", "markdown");
    assertThat(md.out())
        .contains("**⛔ Verdict: No** (confidence: static)", "<details><summary>Next steps");
    Path html = tmp.resolve("check.html");
    check(project, "--format", "html", "-o", html.toString());
    try (HeadlessChromium browser = HeadlessChromium.start(tmp.resolve("profile"))) {
      browser.open(html);
      assertThat(browser.eval("document.querySelector('#verdict b').textContent").asText())
          .isEqualTo("No");
      assertThat(browser.eval("document.querySelectorAll('ol.reasons > li').length").asInt())
          .isPositive();
      assertThat(browser.eval("document.querySelector('header.banner').className").asText())
          .contains("verdict-no");
      assertThat(browser.consoleErrors()).isEmpty();
      browser.screenshot(TestVenvs.basedir().resolve("target/screenshots/check-deps-demo.png"));
    }
  }

  @Test
  void savedRunsAreListedComparedAndRenderedAgain() throws IOException {
    Path project = tmp.resolve("proj");
    copy(example("c-extension-demo"), project);
    CliRun.Result first = check(project, "--no-deps", "--save");
    assertThat(first.err()).contains("Saved as run 1");
    Path counter = project.resolve("src/textstats/_counter.c");
    Files.writeString(
        counter,
        Files.readString(counter)
            .replace("PyObject_Malloc((size_t)len + 1)", "PyMem_Malloc((size_t)len + 1)"));
    CliRun.Result second = check(project, "--no-deps", "--save");
    assertThat(second.err()).contains("Saved as run 2");

    CliRun.Result list = CliRun.run(Components.standard(), project, env(), "history");
    assertThat(list.out())
        .containsPattern("(?m)^\\s+2 .* No\\s+static\\s+4 ")
        .containsPattern("(?m)^\\s+1 .* No\\s+static\\s+5 ");
    CliRun.Result diff =
        CliRun.run(Components.standard(), project, env(), "history", "diff", "--project", ".");
    assertThat(diff.out())
        .contains(
            "Run 1 (",
            "Verdict: No (unchanged)",
            "Fixed findings (1)",
            "FT205",
            "New findings (0)");
    CliRun.Result shown =
        CliRun.run(Components.standard(), project, env(), "report", "1", "--format", "json");
    assertThat(json.readTree(shown.out()).path("summary").path("findings").asInt()).isEqualTo(5);
    CliRun.Result missing = CliRun.run(Components.standard(), project, env(), "report", "9");
    assertThat(missing.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(missing.err()).contains("no run 9 in history");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
