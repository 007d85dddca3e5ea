package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.TestEvidence;
import java.util.List;

/** FT411: A test passes serially but fails when run concurrently in threads. */
public final class TestFailsUnderThreadStress implements TestRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT411",
          "test-fails-under-thread-stress",
          Severity.WARNING,
          "A test passes serially but fails when run concurrently in threads",
          "Guard the shared state the test touches (a lock, a thread-local, an atomic operation) or, if only the test shares state, give each thread its own with --per-thread-fixtures or mark the test thread_unsafe.",
          List.of(
              "https://py-free-threading.github.io/testing/",
              "https://github.com/Quansight-Labs/pytest-run-parallel"),
          RuleInfo.Precision.HIGH,
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
        TestEvidence.Kind.FAILS_UNDER_STRESS,
        p ->
            "passes serially but fails under thread stress in "
                + p.configuration()
                + " ("
                + TestProblems.what(p)
                + ")");
  }
}
