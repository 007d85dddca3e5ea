package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.ConfigLoader;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.Analyzer;
import dev.ftscout.rules.RuleDocs;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.WordRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line, in-process, over real files, with the test word rules. */
class CliTest {
  @TempDir Path dir;
  private final Components words =
      new Components(
          WordRules.registry(),
          List.of(WordRules.analyzer()),
          new RuleDocs(),
          new ConfigLoader(),
          new ObjectMapper());

  @BeforeEach
  void project() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "fine\nRACE here\n");
  }

  private CliRun.Result run(String... args) {
    return CliRun.run(words, dir, Map.of("NO_COLOR", "1"), args);
  }

  @Test
  void versionAndHelp() {
    CliRun.Result v = run("--version");
    assertThat(v.exitCode()).isZero();
    assertThat(v.out()).startsWith("ftscout ");
    CliRun.Result h = run("scan", "--help");
    assertThat(h.exitCode()).isZero();
    assertThat(h.out()).contains("--fail-on", "--baseline", "Exit codes");
    assertThat(run().exitCode()).isEqualTo(Cli.USAGE);
  }

  @Test
  void exitCodeFollowsFailOn() {
    assertThat(run("scan").exitCode()).isEqualTo(1);
    assertThat(run("scan", "--fail-on", "error").exitCode()).isZero();
    assertThat(run("scan", "--fail-on", "never").exitCode()).isZero();
    assertThat(run("scan", "--select", "FT199").exitCode()).isZero();
    CliRun.Result bad = run("scan", "--fail-on", "sometimes");
    assertThat(bad.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(bad.err()).contains("--fail-on: expected error, warning, info or never");
  }

  @Test
  void textReportOnStdout() {
    CliRun.Result r = run("scan");
    assertThat(r.out()).contains("a.txt:2:1 FT198 RACE found", "1 finding (1 warning) in 1 file.");
    assertThat(r.out()).doesNotContain("\u001b[");
  }

  @Test
  void colourOnlyWhenAsked() {
    CliRun.Result r = CliRun.run(words, dir, Map.of("FORCE_COLOR", "1"), "scan");
    assertThat(r.out()).contains("\u001b[");
    CliRun.Result off = CliRun.run(words, dir, Map.of("FORCE_COLOR", "1"), "scan", "--no-color");
    assertThat(off.out()).doesNotContain("\u001b[");
  }

  @Test
  void jsonAndSarifToAFile() throws IOException {
    CliRun.Result r = run("scan", "--format", "json", "-o", "report.json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(Schemas.reportErrors(Files.readString(dir.resolve("report.json")))).isEmpty();
    run("scan", "--format", "SARIF", "--output", "report.sarif");
    assertThat(Schemas.sarifErrors(Files.readString(dir.resolve("report.sarif")))).isEmpty();
  }

  @Test
  void badConfigIsOneLineExit2AndLeavesGoodOutputAlone() throws IOException {
    Path out = dir.resolve("report.json");
    Files.writeString(out, "previous good report\n");
    Files.writeString(dir.resolve("ftscout.toml"), "fail-on = 3\n");
    CliRun.Result r = run("scan", "--format", "json", "-o", "report.json");
    assertThat(r.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(r.err().strip())
        .isEqualTo(
            "ftscout: error: " + dir.resolve("ftscout.toml") + ":1: 'fail-on' must be a string");
    assertThat(Files.readString(out)).isEqualTo("previous good report\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".report.json.tmp");
    }
  }

  @Test
  void baselineRoundTrip() throws IOException {
    CliRun.Result w = run("scan", "--write-baseline", "baseline.json");
    assertThat(w.exitCode()).isZero();
    assertThat(w.err()).contains("Wrote 1 accepted findings to baseline.json");
    CliRun.Result again = run("scan", "--baseline", "baseline.json");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("1 in baseline");
    Files.writeString(dir.resolve("a.txt"), "moved down\nfine\nRACE here\nLEAK\n");
    CliRun.Result later = run("scan", "--baseline", "baseline.json");
    assertThat(later.exitCode()).isEqualTo(1);
    assertThat(later.out()).contains("a.txt:4:1 FT199").doesNotContain("FT198");
  }

  @Test
  void unusedSuppressionsOnRequest() throws IOException {
    Files.writeString(dir.resolve("b.txt"), "fine  # ftscout: ignore[FT198]\n");
    assertThat(run("scan").out()).doesNotContain("Unused suppressions");
    assertThat(run("scan", "--report-unused-suppressions").out())
        .contains("Unused suppressions (1)", "b.txt:1: ignore[FT198] (no FT198 finding on line 1)");
  }

  @Test
  void rulesListAndExplain() {
    CliRun.Result list = run("rules");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("FT198  word-race", "FT199  word-leak", "2 rules.");
    CliRun.Result one = run("rules", "word-leak");
    assertThat(one.out()).contains("FT199 word-leak", "Fix: Replace LEAK with SAFE.");
    CliRun.Result json = run("rules", "--format", "json");
    assertThat(json.out()).contains("\"id\" : \"FT198\"");
    CliRun.Result unknown = run("rules", "FT999");
    assertThat(unknown.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(unknown.err()).contains("unknown rule 'FT999'");
  }

  @Test
  void internalErrorsExit3WithAHint() {
    Analyzer broken =
        new Analyzer() {
          @Override
          public boolean wants(String path) {
            return true;
          }

          @Override
          public AnalysisResult analyze(List<SourceFile> files, AnalysisContext context) {
            throw new IllegalStateException("boom");
          }
        };
    Components c =
        new Components(
            WordRules.registry(),
            List.of(broken),
            new RuleDocs(),
            new ConfigLoader(),
            new ObjectMapper());
    CliRun.Result r = CliRun.run(c, dir, Map.of(), "scan");
    assertThat(r.exitCode()).isEqualTo(Cli.INTERNAL);
    assertThat(r.err()).contains("internal error", "boom", "--verbose").doesNotContain("\tat ");
    CliRun.Result verbose = CliRun.run(c, dir, Map.of(), "scan", "--verbose");
    assertThat(verbose.err()).contains("\tat ");
  }
}
