package dev.ftscout.rules.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the FT1xx rules over real projects installed by pip ({@code venvs/pyrules-corpus.txt}) and
 * holds them to the numbers reviewed by hand in {@code docs/python-rules-real-projects.md}: it must
 * not crash or skip files (target 3.10, the oldest Python click 8.5 supports), and no rule may
 * report more per project than was reviewed, so a loss of precision fails here. Every finding is
 * written to {@code target/pyrules-real-projects.txt}.
 */
class PythonRulesRealProjectsTest {
  /** Reviewed counts per project and rule; a rule not listed must report nothing. */
  private static final Map<String, Map<String, Integer>> REVIEWED = reviewed();

  private static Map<String, Map<String, Integer>> reviewed() {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    m.put("requests", Map.of("FT104", 3));
    m.put("urllib3", Map.of("FT102", 2, "FT104", 1));
    m.put("rich", Map.of("FT102", 1, "FT104", 4));
    m.put("attr", Map.of("FT101", 1));
    m.put("attrs", Map.of());
    m.put("jinja2", Map.of());
    m.put("click", Map.of("FT102", 1, "FT104", 13));
    m.put("markupsafe", Map.of());
    return m;
  }

  @Test
  void realProjectsScanCleanlyWithinTheReviewedCounts() throws IOException {
    Path site = TestVenvs.venv("pyrules-corpus").sitePackages();
    StringBuilder report = new StringBuilder();
    StringBuilder table =
        new StringBuilder("| project | files | findings by rule |\n|---|---:|---|\n");
    List<String> over = new ArrayList<>();
    for (Map.Entry<String, Map<String, Integer>> project : REVIEWED.entrySet()) {
      Path root = site.resolve(project.getKey());
      List<SourceFile> files = load(site, root);
      AnalysisResult r =
          PyFixtures.analyzer()
              .analyze(files, new AnalysisContext(PyFixtures.allPythonRules(), "3.10"));
      assertThat(r.skipped()).as("files of %s that did not parse", project.getKey()).isEmpty();
      assertThat(r.filesAnalyzed()).isEqualTo(files.size());
      Map<String, Integer> counts = new TreeMap<>();
      for (Finding f : r.findings()) {
        counts.merge(f.ruleId(), 1, Integer::sum);
        report
            .append(f.location())
            .append(' ')
            .append(f.ruleId())
            .append(' ')
            .append(f.severity().label())
            .append(' ')
            .append(f.message())
            .append("\n    ")
            .append(f.snippet().strip())
            .append('\n');
      }
      table.append(String.format("| %s | %d | %s |%n", project.getKey(), files.size(), counts));
      counts.forEach((rule, n) -> {
        int allowed = project.getValue().getOrDefault(rule, 0);
        if (n > allowed) {
          over.add(project.getKey() + " " + rule + ": " + n + " findings, reviewed " + allowed);
        }
      });
    }
    Files.createDirectories(TestVenvs.basedir().resolve("target"));
    Files.writeString(TestVenvs.basedir().resolve("target/pyrules-real-projects.txt"), report);
    System.out.print(table);
    assertThat(over)
        .as("more findings than reviewed (see target/pyrules-real-projects.txt)")
        .isEmpty();
  }

  private static List<SourceFile> load(Path site, Path root) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(x -> x.toString().endsWith(".py")).sorted().toList()) {
        files.add(
            new SourceFile(
                site.relativize(p).toString().replace('\\', '/'), p, Files.readAllBytes(p)));
      }
    }
    return files;
  }
}
