package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.TestEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class FT410TestFailsFreeThreadedTest {
  private final TestFailsFreeThreaded rule = new TestFailsFreeThreaded();

  @Test
  void reportsTheProblemAtTheTestsFileAndLine() {
    List<Finding> findings = rule.check(RuntimeSamples.tests());
    assertThat(findings)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("FT410");
          assertThat(f.severity()).isEqualTo(rule.info().severity());
          assertThat(f.path()).isEqualTo("tests/test_legacy.py");
          assertThat(f.span().line()).isEqualTo(7);
          assertThat(f.message())
              .startsWith(
                  "tests/test_legacy.py::test_import passes on the GIL build but fails in ft-3.14t (gil-warning, RuntimeWarning): ")
              .contains("enabled to load module '_legacy'");
        });
  }

  @Test
  void quietWithoutSuchProblems() {
    TestEvidence e = RuntimeSamples.tests();
    TestEvidence other =
        e.withProblems(
            e.problems().stream()
                .filter(p -> p.kind() != TestEvidence.Kind.FAILS_FREE_THREADED)
                .toList());
    assertThat(rule.check(other)).isEmpty();
  }
}
