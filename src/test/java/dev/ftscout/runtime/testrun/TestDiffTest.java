package dev.ftscout.runtime.testrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.TestEvidence.Category;
import dev.ftscout.model.TestEvidence.Configuration;
import dev.ftscout.model.TestEvidence.Kind;
import dev.ftscout.model.TestEvidence.Outcome;
import dev.ftscout.model.TestEvidence.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The diff rules on synthetic outcomes. */
class TestDiffTest {
  private static ConfigRun run(
      String label,
      String interpreter,
      boolean ft,
      int threads,
      List<Map<String, Outcome>> repeats) {
    List<SuiteRun> suites = new ArrayList<>();
    for (Map<String, Outcome> outcomes : repeats) {
      Map<String, Detail> details = new LinkedHashMap<>();
      outcomes.forEach((id, o) -> {
        if (o.bad()) {
          details.put(
              id,
              new Detail(
                  Category.ASSERTION,
                  "AssertionError",
                  "AssertionError: " + label,
                  List.of("t.py"),
                  3,
                  ""));
        }
      });
      suites.add(new SuiteRun(outcomes, details, Map.of(), Map.of(), Map.of(), List.of(0)));
    }
    return new ConfigRun(
        new Configuration(
            label,
            interpreter,
            "3.14",
            ft,
            false,
            threads,
            1,
            repeats.size(),
            Map.of(),
            1,
            List.of()),
        interpreter,
        suites);
  }

  private static List<Kind> kinds(List<Problem> problems, String id) {
    return problems.stream().filter(p -> p.test().equals(id)).map(Problem::kind).toList();
  }

  @Test
  void eachKindFromItsPattern() {
    List<ConfigRun> runs =
        List.of(
            run(
                "gil",
                "g",
                false,
                1,
                List.of(
                    Map.of(
                        "a",
                        Outcome.PASSED,
                        "b",
                        Outcome.PASSED,
                        "c",
                        Outcome.FAILED,
                        "d",
                        Outcome.CRASHED))),
            run(
                "ft",
                "f",
                true,
                1,
                List.of(
                    Map.of(
                        "a",
                        Outcome.FAILED,
                        "b",
                        Outcome.PASSED,
                        "c",
                        Outcome.FAILED,
                        "d",
                        Outcome.CRASHED))),
            run(
                "stress",
                "f",
                true,
                4,
                List.of(
                    Map.of(
                        "a",
                        Outcome.FAILED,
                        "b",
                        Outcome.FAILED,
                        "c",
                        Outcome.FAILED,
                        "d",
                        Outcome.CRASHED))));
    List<Problem> problems = TestDiff.problems(runs);
    assertThat(kinds(problems, "a")).containsExactly(Kind.FAILS_FREE_THREADED);
    assertThat(kinds(problems, "b")).containsExactly(Kind.FAILS_UNDER_STRESS);
    // Failing or crashing on the GIL build already is not a regression.
    assertThat(kinds(problems, "c")).isEmpty();
    assertThat(kinds(problems, "d")).isEmpty();
    Problem a = problems.stream().filter(p -> p.test().equals("a")).findFirst().orElseThrow();
    assertThat(a.configuration()).isEqualTo("ft");
    assertThat(a.evidence()).isEqualTo("AssertionError: ft");
    assertThat(a.files()).containsExactly("t.py");
    assertThat(a.line()).isEqualTo(3);
  }

  @Test
  void withoutAGilInterpreterStressIsComparedWithTheFreeThreadedSerialRun() {
    List<ConfigRun> runs =
        List.of(
            run("ft", "f", true, 1, List.of(Map.of("a", Outcome.PASSED))),
            run("stress", "f", true, 4, List.of(Map.of("a", Outcome.HUNG))));
    assertThat(kinds(TestDiff.problems(runs), "a")).containsExactly(Kind.HANGS);
    List<ConfigRun> failing =
        List.of(
            run("ft", "f", true, 1, List.of(Map.of("a", Outcome.PASSED))),
            run("stress", "f", true, 4, List.of(Map.of("a", Outcome.ERROR))));
    assertThat(kinds(TestDiff.problems(failing), "a")).containsExactly(Kind.FAILS_UNDER_STRESS);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void flakyExactlyWhenRepeatsDisagree(long seed) {
    Random random = new Random(seed);
    List<Map<String, Outcome>> repeats = new ArrayList<>();
    int n = 2 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      repeats.add(Map.of("a", random.nextBoolean() ? Outcome.PASSED : Outcome.FAILED));
    }
    List<Problem> problems = TestDiff.problems(List.of(run("gil", "g", false, 1, repeats)));
    boolean mixed = repeats.stream().map(m -> m.get("a")).distinct().count() > 1;
    assertThat(kinds(problems, "a")).isEqualTo(mixed ? List.of(Kind.FLAKY) : List.of());
    if (mixed) {
      assertThat(problems.get(0).evidence()).startsWith("outcomes across repeats: ");
    }
    // Every test shows in the outcome table with one outcome per repeat.
    assertThat(
            TestDiff.outcomes(List.of(run("gil", "g", false, 1, repeats)))
                .get(0)
                .outcomes()
                .get("gil"))
        .hasSize(n);
  }

  @Test
  void invocationRecognisesRunners() {
    assertThat(Invocation.of(List.of("pytest", "-x")).runner()).isEqualTo(Invocation.Runner.PYTEST);
    assertThat(Invocation.of(List.of("/usr/bin/python3.13t", "-m", "pytest")).arguments())
        .isEmpty();
    assertThat(Invocation.of(List.of("python", "-m", "unittest", "discover")).runner())
        .isEqualTo(Invocation.Runner.UNITTEST);
    assertThat(Invocation.of(List.of("tox", "-e", "py")).runner())
        .isEqualTo(Invocation.Runner.COMMAND);
    assertThat(Invocation.of(List.of("python", "-m", "nox")).runner())
        .isEqualTo(Invocation.Runner.COMMAND);
  }

  @Test
  void dumpSectionIsTheTestsOwnPart() {
    String dump = "ftscout: running a\nftscout: running b\nTimeout (0:00:03)!\nThread 1\n";
    assertThat(TestRunner.dumpSection(dump, "b")).isEqualTo("Timeout (0:00:03)!\nThread 1\n");
    assertThat(TestRunner.dumpSection(dump, "a")).isEmpty();
  }
}
