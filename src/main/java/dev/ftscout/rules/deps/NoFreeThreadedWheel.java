package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.Support;
import dev.ftscout.deps.audit.TargetStatus;
import dev.ftscout.deps.source.GilDeclaration;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * FT301: a binary dependency has no free-threaded wheel for a target and no pure-Python fallback,
 * so it cannot be installed (or only as a GIL build's wheel that does not load). Targets on which a
 * newer audited Python has wheels are left to FT306.
 */
public final class NoFreeThreadedWheel implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT301",
          "no-free-threaded-wheel",
          Severity.ERROR,
          "Dependency has no free-threaded wheel for a target and no pure-Python fallback",
          "Upgrade to the first release with a free-threaded wheel (see the upgrade plan), or"
              + " replace the dependency; until then the project cannot run free-threaded there.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-python.html",
              "https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/",
              "https://peps.python.org/pep-0703/",
              "https://py-free-threading.github.io/tracking/"),
          RuleInfo.Precision.VERY_HIGH,
          List.of("wheels"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(DependencyFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (PackageReport p : facts.packages()) {
      List<String> blocked = new ArrayList<>();
      for (String target : facts.targets()) {
        TargetStatus s = p.targets().get(target);
        if (s != null
            && s.support() == Support.NO_FREE_THREADED_WHEEL
            && !OnlyNewerTargets.newerTargetHasWheel(facts, p, target)) {
          blocked.add(target);
        }
      }
      if (blocked.isEmpty()) {
        continue;
      }
      StringBuilder message =
          new StringBuilder(DependencyFacts.label(p))
              .append(" has no free-threaded wheel for ")
              .append(DependencyFacts.targetList(blocked));
      facts.chain(p, blocked.get(0)).ifPresent(c -> message.append(": ").append(c));
      message.append("; ").append(DependencyFacts.firstReleases(facts.statuses(p, blocked)));
      p.sourceInspection()
          .filter(i ->
              i.declaration() == GilDeclaration.NO || i.declaration() == GilDeclaration.CONDITIONAL)
          .ifPresent(i ->
              message.append(
                  i.declaration() == GilDeclaration.NO
                      ? "; built from its sdist, its extension would re-enable the GIL"
                      : "; its sdist declares GIL-free support only under a build condition"));
      out.add(facts.finding(INFO, p, message.toString(), INFO.fix()));
    }
    return out;
  }
}
