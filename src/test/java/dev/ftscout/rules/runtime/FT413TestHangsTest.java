package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.TestEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class FT413TestHangsTest {
  private final TestHangs rule = new TestHangs();

  @Test
  void reportsTheProblemAtTheTestsFileAndLine() {
    List<Finding> findings = rule.check(RuntimeSamples.tests());
    assertThat(findings)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("FT413");
          assertThat(f.severity()).isEqualTo(rule.info().severity());
          assertThat(f.path()).isEqualTo("tests/test_transfer.py");
          assertThat(f.span().line()).isEqualTo(11);
          assertThat(f.message())
              .startsWith("tests/test_transfer.py::test_both_ways hangs in stress-3.14t: ")
              .contains("faulthandler dumped every thread");
        });
  }

  @Test
  void quietWithoutSuchProblems() {
    TestEvidence e = RuntimeSamples.tests();
    TestEvidence other =
        e.withProblems(
            e.problems().stream().filter(p -> p.kind() != TestEvidence.Kind.HANGS).toList());
    assertThat(rule.check(other)).isEmpty();
  }
}
