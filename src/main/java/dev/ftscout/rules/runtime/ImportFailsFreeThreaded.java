package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.Span;
import dev.ftscout.runtime.probe.ModuleResult;
import dev.ftscout.runtime.probe.ModuleStatus;
import dev.ftscout.runtime.probe.ProbeResult;
import java.util.List;

/** FT402: a module raised when imported in the free-threaded interpreter. */
public final class ImportFailsFreeThreaded implements ProbeRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT402",
          "import-fails-free-threaded",
          Severity.WARNING,
          "A module fails to import on the free-threaded build",
          "Install the distribution's free-threaded (cp313t/cp314t) wheel into an environment made"
              + " with the free-threaded interpreter, or find out from the exception which"
              + " dependency is missing there.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-python.html",
              "https://py-free-threading.github.io/installing-cpython/"),
          RuleInfo.Precision.HIGH,
          List.of("probe"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ProbeFacts facts) {
    if (facts.result().mode() != ProbeResult.Mode.FREE_THREADED) {
      return List.of();
    }
    return facts.result().withStatus(ModuleStatus.IMPORT_FAILED).stream()
        .map(m -> finding(facts, m))
        .toList();
  }

  private static Finding finding(ProbeFacts facts, ModuleResult m) {
    return new Finding(
        INFO.id(),
        INFO.severity(),
        m.module()
            + " from "
            + ProbeFacts.owner(m.distribution(), m.version())
            + " fails to import in "
            + facts.result().interpreter().shortVersion()
            + ": "
            + m.evidence(),
        facts.pathFor(m),
        Span.wholeFile(),
        "",
        INFO.fix());
  }
}
