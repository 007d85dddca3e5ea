package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.Support;
import dev.ftscout.deps.audit.TargetStatus;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * FT306: a dependency ships free-threaded wheels for a newer audited Python but not for this one
 * (typically {@code cp314t} but no {@code cp313t}). One finding per such target.
 */
public final class OnlyNewerTargets implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT306",
          "free-threaded-only-on-newer-python",
          Severity.WARNING,
          "Dependency has free-threaded wheels only for newer Python versions than this target",
          "Target the newer free-threaded Python (drop the older one from --target / targets),"
              + " or upgrade the dependency once it publishes wheels for the older one.",
          List.of(
              "https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/",
              "https://docs.python.org/3/howto/free-threading-python.html",
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
      for (String target : facts.targets()) {
        TargetStatus s = p.targets().get(target);
        if (s == null
            || s.support() != Support.NO_FREE_THREADED_WHEEL
            || !newerTargetHasWheel(facts, p, target)) {
          continue;
        }
        List<String> newer = newerWithWheel(facts, p, target);
        out.add(
            facts.finding(
                INFO,
                p,
                DependencyFacts.label(p)
                    + " has free-threaded wheels for "
                    + String.join(", ", newer.stream().map(DependencyFacts::python).toList())
                    + " only, none for "
                    + target
                    + "; "
                    + DependencyFacts.firstReleases(List.of(s)),
                INFO.fix()));
      }
    }
    return out;
  }

  /** Whether a newer Python on the same platform has a free-threaded wheel of this release. */
  static boolean newerTargetHasWheel(DependencyFacts facts, PackageReport p, String target) {
    return !newerWithWheel(facts, p, target).isEmpty();
  }

  private static List<String> newerWithWheel(
      DependencyFacts facts, PackageReport p, String target) {
    List<String> out = new ArrayList<>();
    for (String other : facts.targets()) {
      TargetStatus s = p.targets().get(other);
      if (s != null
          && s.support() == Support.FREE_THREADED_WHEEL
          && DependencyFacts.platform(other).equals(DependencyFacts.platform(target))
          && DependencyFacts.pythonOrder(other) > DependencyFacts.pythonOrder(target)) {
        out.add(other);
      }
    }
    return out;
  }
}
