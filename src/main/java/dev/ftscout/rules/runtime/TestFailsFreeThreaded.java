package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.TestEvidence;
import java.util.List;

/** FT410: A test passes on the GIL build but fails on the free-threaded build. */
public final class TestFailsFreeThreaded implements TestRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT410",
          "test-fails-free-threaded",
          Severity.ERROR,
          "A test passes on the GIL build but fails on the free-threaded build",
          "Read the failure: a RuntimeWarning about the GIL points at an extension without Py_mod_gil, an assertion on refcounts or timing at an assumption the free-threaded build breaks; fix the code, not the test.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-python.html",
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
        INFO,
        evidence,
        TestEvidence.Kind.FAILS_FREE_THREADED,
        p ->
            "passes on the GIL build but fails in "
                + p.configuration()
                + " ("
                + TestProblems.what(p)
                + ")");
  }
}
