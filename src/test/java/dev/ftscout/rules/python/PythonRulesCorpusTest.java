package dev.ftscout.rules.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.FixtureHarness;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the FT1xx rules on a labelled corpus of small realistic modules: {@code
 * pyrules-corpus/hazard/} holds hazards, each marked {@code # expect: FT1xx} on the line the rule
 * must report; {@code pyrules-corpus/safe/} holds look-alikes that are safe (locks, snapshots,
 * thread-locals, context variables, start-up code, objects the test owns) and must report nothing.
 * Each module is scanned on its own. Prints a table per rule and fails below 90% precision or 80%
 * recall overall.
 */
class PythonRulesCorpusTest {
  private static final Path CORPUS =
      TestVenvs.basedir().resolve("src/test/resources/pyrules-corpus");

  /** Counts for one rule. */
  private static final class Score {
    int truePositives;
    int falsePositives;
    int falseNegatives;

    double precision() {
      int reported = truePositives + falsePositives;
      return reported == 0 ? 1.0 : (double) truePositives / reported;
    }

    double recall() {
      int expected = truePositives + falseNegatives;
      return expected == 0 ? 1.0 : (double) truePositives / expected;
    }
  }

  @Test
  void precisionAndRecallPerRule() {
    List<Path> hazards = FixtureHarness.fixtures(CORPUS.resolve("hazard"));
    List<Path> safe = FixtureHarness.fixtures(CORPUS.resolve("safe"));
    assertThat(hazards).as("hazard snippets").hasSizeGreaterThanOrEqualTo(30);
    assertThat(safe).as("safe look-alikes").hasSizeGreaterThanOrEqualTo(30);

    Map<String, Score> scores = new TreeMap<>();
    PyFixtures.allPythonRules().forEach(id -> scores.put(id, new Score()));
    List<String> misses = new ArrayList<>();
    List<Path> all = new ArrayList<>(hazards);
    all.addAll(safe);
    for (Path file : all) {
      List<SourceFile> files = FixtureHarness.load(file);
      Set<String> expected = new HashSet<>();
      for (FixtureHarness.Expectation e : FixtureHarness.markers(files)) {
        expected.add(e.toString());
      }
      if (safe.contains(file)) {
        assertThat(expected).as("safe snippet %s has no markers", file.getFileName()).isEmpty();
      } else {
        assertThat(expected).as("hazard snippet %s has markers", file.getFileName()).isNotEmpty();
      }
      AnalysisResult r =
          PyFixtures.analyzer()
              .analyze(files, new AnalysisContext(PyFixtures.allPythonRules(), "3.12", 1));
      assertThat(r.skipped()).as("%s parses", file.getFileName()).isEmpty();
      Set<String> found = new HashSet<>();
      for (Finding f : r.findings()) {
        String key =
            new FixtureHarness.Expectation(f.path(), f.span().line(), f.ruleId()).toString();
        found.add(key);
        Score s = scores.computeIfAbsent(f.ruleId(), k -> new Score());
        if (expected.contains(key)) {
          s.truePositives++;
        } else {
          s.falsePositives++;
          misses.add("false positive " + key + ": " + f.message());
        }
      }
      for (String e : expected) {
        if (!found.contains(e)) {
          scores.computeIfAbsent(e.substring(e.lastIndexOf(' ') + 1), k -> new Score())
              .falseNegatives++;
          misses.add("missed " + e);
        }
      }
    }

    Score total = new Score();
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%d hazard snippets, %d safe look-alikes%n| rule | TP | FP | FN | precision | recall |%n|---|---:|---:|---:|---:|---:|%n",
            hazards.size(), safe.size()));
    scores.forEach((id, s) -> {
      total.truePositives += s.truePositives;
      total.falsePositives += s.falsePositives;
      total.falseNegatives += s.falseNegatives;
      table.append(row(id, s));
    });
    table.append(row("all", total));
    System.out.print(table);
    misses.forEach(System.out::println);

    scores.forEach((id, s) ->
        assertThat(s.truePositives + s.falseNegatives).as("hazards labelled %s", id).isPositive());
    assertThat(total.precision())
        .as("overall precision\n%s%s", table, misses)
        .isGreaterThanOrEqualTo(0.90);
    assertThat(total.recall())
        .as("overall recall\n%s%s", table, misses)
        .isGreaterThanOrEqualTo(0.80);
  }

  private static String row(String id, Score s) {
    return String.format(
        "| %s | %d | %d | %d | %.0f%% | %.0f%% |%n",
        id,
        s.truePositives,
        s.falsePositives,
        s.falseNegatives,
        100 * s.precision(),
        100 * s.recall());
  }
}
