package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line with the production wiring over {@code examples/mixed-lib}, a package with
 * Python sources, a C extension and tests: both rule families report in one run, and selection,
 * suppressions, syntax errors and target versions behave for the Python rules as for the others.
 */
class CliMixedProjectTest {
  private static final Path SAMPLE = TestVenvs.basedir().resolve("examples/mixed-lib");
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode scanJson(Path dir, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", ".", "--format", "json"));
    args.addAll(List.of(extra));
    CliRun.Result r = CliRun.run(dir, args.toArray(new String[0]));
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    assertThat(Schemas.reportErrors(r.out())).isEmpty();
    return json.readTree(r.out());
  }

  private static List<String> findings(JsonNode report) {
    List<String> out = new ArrayList<>();
    report
        .path("findings")
        .forEach(f ->
            out.add(
                f.path("path").asText()
                    + ":"
                    + f.path("line").asInt()
                    + " "
                    + f.path("ruleId").asText()
                    + " "
                    + f.path("severity").asText()));
    return out;
  }

  @Test
  void reportsPythonAndExtensionHazardsInOneRun() throws IOException {
    JsonNode r = scanJson(SAMPLE);
    assertThat(findings(r))
        .containsExactly(
            "src/tally/_speed.c:12 FT204 warning",
            "src/tally/_speed.c:43 FT201 error",
            "src/tally/core.py:19 FT102 warning",
            "src/tally/core.py:29 FT101 warning",
            "src/tally/core.py:30 FT101 warning",
            "tests/test_core.py:10 FT105 info",
            "tests/test_core.py:16 FT106 warning");
    assertThat(r.path("summary").path("suppressed").asInt()).isEqualTo(1);
    assertThat(r.path("extensionModules").get(0).path("name").asText()).isEqualTo("tally._speed");
    assertThat(r.path("concurrency").path("counts").path("threadPool").asInt()).isEqualTo(2);
    assertThat(r.path("concurrency").path("signals").get(0).path("path").asText())
        .isEqualTo("src/tally/core.py");
  }

  @Test
  void textOutputShowsBothFamiliesAndTheConcurrencyLine() {
    CliRun.Result r = CliRun.run(SAMPLE, "scan", "--jobs", "1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "src/tally/core.py:30:5 FT101 module-level '_files_done' is updated with '+='",
            "src/tally/_speed.c:43:25 FT201",
            "Concurrency: thread pool 2\n");
  }

  @Test
  void selectIgnoreAndJobsApplyToPythonRules() throws IOException {
    assertThat(findings(scanJson(SAMPLE, "--select", "FT1", "--ignore", "FT106")))
        .containsExactly(
            "src/tally/core.py:19 FT102 warning",
            "src/tally/core.py:29 FT101 warning",
            "src/tally/core.py:30 FT101 warning",
            "tests/test_core.py:10 FT105 info");
    assertThat(findings(scanJson(SAMPLE, "--select", "check-then-act", "--jobs", "3")))
        .containsExactly("src/tally/core.py:19 FT102 warning");
    CliRun.Result bad = CliRun.run(SAMPLE, "scan", "--jobs", "0");
    assertThat(bad.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(bad.err()).contains("--jobs: expected a number of at least 1, got 0");
  }

  @Test
  void filesThatDoNotParseAreSkippedWithCpythonsMessageAndTheRestIsScanned(@TempDir Path dir)
      throws IOException {
    copy(SAMPLE, dir);
    Files.writeString(dir.resolve("src/tally/broken.py"), "def f(:\n    pass\n");
    Files.writeString(dir.resolve("src/tally/legacy.py"), "print 'hello'\n");
    JsonNode r = scanJson(dir);
    assertThat(findings(r)).hasSize(7);
    List<String> skipped = new ArrayList<>();
    r.path("skipped")
        .forEach(s -> skipped.add(s.path("path").asText() + ": " + s.path("reason").asText()));
    assertThat(skipped)
        .containsExactly(
            "src/tally/broken.py: src/tally/broken.py:1:7: SyntaxError: invalid syntax",
            "src/tally/legacy.py: not Python 3: Python 2 print statement at line 1");
  }

  @Test
  void targetVersionDecidesTheSyntaxLevelAndWarningFilterSeverity(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("filters.py"),
        """
        import warnings


        def quiet(fn):
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                return fn()
        """);
    Files.writeString(
        dir.resolve("modern.py"), "def first[T](xs: list[T]) -> T:\n    return xs[0]\n");
    JsonNode old = scanJson(dir, "--target-version", "3.11");
    assertThat(findings(old)).containsExactly("filters.py:5 FT104 info");
    assertThat(old.path("findings").get(0).path("message").asText()).contains("target is 3.11");
    assertThat(old.path("skipped").get(0).path("reason").asText())
        .contains("modern.py:1:", "SyntaxError", "3.12");
    JsonNode current = scanJson(dir, "--target-version", "3.14");
    assertThat(findings(current)).containsExactly("filters.py:5 FT104 info");
    assertThat(current.path("findings").get(0).path("message").asText())
        .contains("safe by default on 3.14t");
    assertThat(current.path("skipped")).isEmpty();
  }

  @Test
  void suppressionCommentsOnTheLineOrTheLineAboveHidePythonFindings(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("app.py"),
        """
        _n = 0
        _m = 0


        def bump():
            global _n, _m
            _n += 1  # ftscout: ignore[FT101]
            # ftscout: ignore[shared-read-modify-write]
            _m += 1
        """);
    JsonNode r = scanJson(dir);
    assertThat(findings(r)).isEmpty();
    assertThat(r.path("summary").path("suppressed").asInt()).isEqualTo(2);
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
