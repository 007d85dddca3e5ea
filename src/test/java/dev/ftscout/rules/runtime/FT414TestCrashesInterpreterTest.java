package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.TestEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class FT414TestCrashesInterpreterTest {
  private final TestCrashesInterpreter rule = new TestCrashesInterpreter();

  @Test
  void reportsTheProblemAtTheTestsFileAndLine() {
    List<Finding> findings = rule.check(RuntimeSamples.tests());
    assertThat(findings)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("FT414");
          assertThat(f.severity()).isEqualTo(rule.info().severity());
          assertThat(f.path()).isEqualTo("tests/test_native.py");
          assertThat(f.span().line()).isEqualTo(4);
          assertThat(f.message())
              .startsWith(
                  "tests/test_native.py::test_buffer crashes the interpreter in stress-3.14t: ")
              .contains("SIGSEGV");
        });
  }

  @Test
  void quietWithoutSuchProblems() {
    TestEvidence e = RuntimeSamples.tests();
    TestEvidence other =
        e.withProblems(
            e.problems().stream().filter(p -> p.kind() != TestEvidence.Kind.CRASHES).toList());
    assertThat(rule.check(other)).isEmpty();
  }
}
