package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.ConfigLoader;
import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.model.Span;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.Analyzer;
import dev.ftscout.rules.Rule;
import dev.ftscout.rules.RuleDocs;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import dev.ftscout.testing.WordRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftscout test} joins each failure with the scan findings in the files of its traceback,
 * through the real Scanner and an analyzer for {@code .py} files (a stand-in for the Python rules:
 * it marks the shared counter's increments as FT198 races).
 */
class TestScanJoinTest {
  @TempDir Path dir;

  private static final Analyzer INCREMENTS =
      new Analyzer() {
        @Override
        public boolean wants(String path) {
          return path.endsWith(".py");
        }

        @Override
        public AnalysisResult analyze(List<SourceFile> files, AnalysisContext context) {
          List<Finding> findings = new ArrayList<>();
          for (SourceFile f : files) {
            List<String> lines = f.utf8().orElse("").lines().toList();
            for (int i = 0; i < lines.size(); i++) {
              int at = lines.get(i).indexOf("COUNTER.increment()");
              if (at >= 0) {
                findings.add(
                    new Finding(
                        WordRules.RACE.id(),
                        WordRules.RACE.severity(),
                        "shared counter incremented",
                        f.path(),
                        Span.onLine(i + 1, at + 1, "COUNTER.increment()".length()),
                        lines.get(i),
                        ""));
              }
            }
          }
          return new AnalysisResult(findings, Map.of(), List.of(), List.of(), files.size());
        }
      };

  @Test
  void failuresCarryTheScanFindingsOfTheirFiles() throws Exception {
    Pythons.Python python =
        Pythons.forVenvs()
            .orElseGet(() -> {
              Assumptions.abort("no CPython interpreter found");
              throw new IllegalStateException();
            });
    Path demo = TestVenvs.basedir().resolve("examples/race-demo");
    try (var walk = Files.walk(demo)) {
      for (Path p : walk.toList()) {
        Path target = dir.resolve(demo.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    List<Rule> rules = new ArrayList<>(RuleRegistry.standard().all());
    rules.addAll(WordRules.registry().all());
    Components components =
        new Components(
            new RuleRegistry(rules),
            List.of(INCREMENTS),
            new RuleDocs(),
            new ConfigLoader(),
            new ObjectMapper());
    CliRun.Result r =
        CliRun.run(
            components,
            dir,
            Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "NO_COLOR", "1"),
            "test",
            "--python",
            python.executable().toString(),
            "--stress",
            "4",
            "--iterations",
            "3",
            "--format",
            "json",
            "--",
            "python",
            "-m",
            "unittest",
            "unittests.test_races.CounterTest");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode problem = new ObjectMapper().readTree(r.out()).path("test").path("problems").get(0);
    assertThat(problem.path("files").get(0).asText()).isEqualTo("unittests/test_races.py");
    assertThat(problem.path("relatedFindings"))
        .extracting(JsonNode::asText)
        .singleElement()
        .asString()
        .matches("unittests/test_races\\.py:\\d+:13 FT198");
  }
}
