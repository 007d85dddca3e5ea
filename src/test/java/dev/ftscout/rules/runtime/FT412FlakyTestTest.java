package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.TestEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class FT412FlakyTestTest {
  private final FlakyTest rule = new FlakyTest();

  @Test
  void reportsTheProblemAtTheTestsFileAndLine() {
    List<Finding> findings = rule.check(RuntimeSamples.tests());
    assertThat(findings)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("FT412");
          assertThat(f.severity()).isEqualTo(rule.info().severity());
          assertThat(f.path()).isEqualTo("tests/test_cache.py");
          assertThat(f.span().line()).isEqualTo(8);
          assertThat(f.message())
              .startsWith("tests/test_cache.py::test_once is flaky in stress-3.14t")
              .contains("passed, failed");
        });
  }

  @Test
  void quietWithoutSuchProblems() {
    TestEvidence e = RuntimeSamples.tests();
    TestEvidence other =
        e.withProblems(
            e.problems().stream().filter(p -> p.kind() != TestEvidence.Kind.FLAKY).toList());
    assertThat(rule.check(other)).isEmpty();
  }
}
