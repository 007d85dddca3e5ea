package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.TestEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class FT411TestFailsUnderThreadStressTest {
  private final TestFailsUnderThreadStress rule = new TestFailsUnderThreadStress();

  @Test
  void reportsTheProblemAtTheTestsFileAndLine() {
    List<Finding> findings = rule.check(RuntimeSamples.tests());
    assertThat(findings)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("FT411");
          assertThat(f.severity()).isEqualTo(rule.info().severity());
          assertThat(f.path()).isEqualTo("tests/test_counter.py");
          assertThat(f.span().line()).isEqualTo(6);
          assertThat(f.message())
              .startsWith(
                  "tests/test_counter.py::test_increment passes serially but fails under thread stress in stress-3.14t (assertion, AssertionError): ")
              .contains("assert 612 == 800");
        });
  }

  @Test
  void quietWithoutSuchProblems() {
    TestEvidence e = RuntimeSamples.tests();
    TestEvidence other =
        e.withProblems(
            e.problems().stream()
                .filter(p -> p.kind() != TestEvidence.Kind.FAILS_UNDER_STRESS)
                .toList());
    assertThat(rule.check(other)).isEmpty();
  }
}
