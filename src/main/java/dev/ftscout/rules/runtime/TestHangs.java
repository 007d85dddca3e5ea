package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.TestEvidence;
import java.util.List;

/** FT413: A test does not finish within the per-test timeout. */
public final class TestHangs implements TestRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT413",
          "test-hangs",
          Severity.ERROR,
          "A test does not finish within the per-test timeout",
          "Read the thread dump: two threads waiting on each other's locks is a deadlock; take locks in one global order, or use timeouts.",
          List.of(
              "https://docs.python.org/3/library/faulthandler.html#dumping-the-tracebacks-after-a-timeout",
              "https://py-free-threading.github.io/testing/"),
          RuleInfo.Precision.HIGH,
          List.of("test"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TestEvidence evidence) {
    return TestProblems.findings(
        INFO, evidence, TestEvidence.Kind.HANGS, p -> "hangs in " + p.configuration());
  }
}
