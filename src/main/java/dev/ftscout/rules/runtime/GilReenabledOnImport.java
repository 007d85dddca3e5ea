package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.Span;
import dev.ftscout.runtime.probe.GilCulprit;
import dev.ftscout.runtime.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/** FT401: importing a module turned the GIL back on in a free-threaded interpreter. */
public final class GilReenabledOnImport implements ProbeRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT401",
          "gil-reenabled-on-import",
          Severity.ERROR,
          "Importing an extension module re-enabled the GIL in a free-threaded interpreter",
          "Upgrade the distribution to a release whose extension declares Py_mod_gil"
              + " (Py_MOD_GIL_NOT_USED), or replace it; PYTHON_GIL=0 keeps the GIL off at your own"
              + " risk.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html",
              "https://github.com/python/cpython/issues/116322",
              "https://peps.python.org/pep-0703/"),
          RuleInfo.Precision.VERY_HIGH,
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
    List<Finding> out = new ArrayList<>();
    for (GilCulprit c : facts.result().culprits()) {
      out.add(
          new Finding(
              INFO.id(),
              INFO.severity(),
              c.module()
                  + " from "
                  + ProbeFacts.owner(c.distribution(), c.version())
                  + " re-enables the GIL on import in "
                  + facts.result().interpreter().shortVersion()
                  + ": "
                  + c.evidence(),
              facts.pathFor(c),
              Span.wholeFile(),
              "",
              INFO.fix()));
    }
    return out;
  }
}
