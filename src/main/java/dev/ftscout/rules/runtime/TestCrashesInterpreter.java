package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.TestEvidence;
import java.util.List;

/** FT414: The interpreter crashes while a test runs. */
public final class TestCrashesInterpreter implements TestRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT414",
          "test-crashes-interpreter",
          Severity.ERROR,
          "The interpreter crashes while a test runs",
          "Read the faulthandler dump for the extension frame that crashed; crashes that appear only under threads are data races in C code (see the extension rules FT2xx).",
          List.of(
              "https://docs.python.org/3/library/faulthandler.html",
              "https://docs.python.org/3/howto/free-threading-extensions.html"),
          RuleInfo.Precision.VERY_HIGH,
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
        TestEvidence.Kind.CRASHES,
        p -> "crashes the interpreter in " + p.configuration());
  }
}
