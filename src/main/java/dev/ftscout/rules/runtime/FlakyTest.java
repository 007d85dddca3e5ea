package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.TestEvidence;
import java.util.List;

/** FT412: A test passes in some repeats and fails in others. */
public final class FlakyTest implements TestRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT412",
          "flaky-test",
          Severity.WARNING,
          "A test passes in some repeats and fails in others",
          "Look for order- or timing-dependent state (module globals, caches, threads left running); a test that is flaky under the GIL will be flakier without it.",
          List.of(
              "https://py-free-threading.github.io/testing/",
              "https://github.com/Quansight-Labs/pytest-run-parallel"),
          RuleInfo.Precision.MEDIUM,
          List.of("test"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TestEvidence evidence) {
    return TestProblems.findings(
        INFO,
        evidence,
        TestEvidence.Kind.FLAKY,
        p -> "is flaky in " + p.configuration() + " (" + TestProblems.what(p) + ")");
  }
}
