package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.Span;
import dev.ftscout.runtime.probe.ModuleResult;
import dev.ftscout.runtime.probe.ModuleStatus;
import java.util.List;

/** FT403: the interpreter died (or never finished) while importing a module. */
public final class ImportCrashesInterpreter implements ProbeRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT403",
          "import-crashes-interpreter",
          Severity.ERROR,
          "Importing a module crashes or hangs the interpreter",
          "Report the crash to the distribution with the evidence line; until it is fixed, keep"
              + " the module out of free-threaded deployments.",
          List.of(
              "https://docs.python.org/3/library/faulthandler.html",
              "https://docs.python.org/3/howto/free-threading-extensions.html"),
          RuleInfo.Precision.VERY_HIGH,
          List.of("probe"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ProbeFacts facts) {
    return facts.result().modules().stream()
        .filter(m -> m.status() == ModuleStatus.CRASHED || m.status() == ModuleStatus.TIMED_OUT)
        .map(m -> finding(facts, m))
        .toList();
  }

  private static Finding finding(ProbeFacts facts, ModuleResult m) {
    String what = m.status() == ModuleStatus.CRASHED ? " crashes " : " hangs ";
    return new Finding(
        INFO.id(),
        INFO.severity(),
        "importing "
            + m.module()
            + " from "
            + ProbeFacts.owner(m.distribution(), m.version())
            + what
            + facts.result().interpreter().shortVersion()
            + ": "
            + m.evidence(),
        facts.pathFor(m),
        Span.wholeFile(),
        "",
        INFO.fix());
  }
}
