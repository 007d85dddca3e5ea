package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.UpgradePlan;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FT302: a newer release of a blocked dependency has free-threaded wheels. The message gives the
 * bump from the upgrade plan and, when a constraint forbids it, who imposes it and where.
 */
public final class UpgradeAvailable implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT302",
          "free-threaded-upgrade-available",
          Severity.WARNING,
          "A newer release of the dependency has free-threaded wheels",
          "Raise the dependency to the release named (and lift the constraint that forbids it,"
              + " if one is named), then re-lock.",
          List.of(
              "https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/",
              "https://packaging.python.org/en/latest/specifications/version-specifiers/",
              "https://py-free-threading.github.io/tracking/"),
          RuleInfo.Precision.HIGH,
          List.of("upgrade"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(DependencyFacts facts) {
    List<Finding> out = new ArrayList<>();
    UpgradePlan plan = facts.result().plan();
    for (UpgradePlan.Bump bump : plan.bumps()) {
      Optional<PackageReport> p = facts.result().get(bump.name());
      if (p.isEmpty()) {
        continue;
      }
      StringBuilder message =
          new StringBuilder("upgrade ")
              .append(bump.name())
              .append(' ')
              .append(bump.from())
              .append(" → ")
              .append(bump.to())
              .append(" for free-threaded wheels on ")
              .append(DependencyFacts.targetList(bump.targets()));
      List<String> blockers = new ArrayList<>();
      for (UpgradePlan.Conflict c : plan.conflicts()) {
        if (!c.name().equals(bump.name())) {
          continue;
        }
        blockers.add(
            c.imposedBy().equals("project")
                ? "the project's own "
                    + c.name()
                    + c.constraint()
                    + c.at().map(a -> " at " + a.relativeTo(facts.root())).orElse("")
                : c.imposedBy() + " requires " + c.name() + c.constraint());
      }
      if (!blockers.isEmpty()) {
        message.append("; forbidden by ").append(String.join(" and ", blockers));
      }
      out.add(facts.finding(INFO, p.get(), message.toString(), INFO.fix()));
    }
    return out;
  }
}
