package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * FT307: the version the project pins (in a lock file or with {@code ==}) has been yanked from the
 * index (PEP 592): installers skip it unless pinned, and its maintainers say not to use it.
 */
public final class YankedVersionPinned implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT307",
          "yanked-version-pinned",
          Severity.WARNING,
          "The pinned version of a dependency has been yanked from the index",
          "Move to a release that is not yanked (read the yank reason first) and re-lock.",
          List.of(
              "https://peps.python.org/pep-0592/",
              "https://packaging.python.org/en/latest/specifications/simple-repository-api/"),
          RuleInfo.Precision.VERY_HIGH,
          List.of("index"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(DependencyFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (PackageReport p : facts.packages()) {
      if (p.yanked().isEmpty()) {
        continue;
      }
      String reason = p.yanked().get().strip();
      out.add(
          facts.finding(
              INFO,
              p,
              DependencyFacts.label(p)
                  + " is yanked from the index"
                  + (reason.isEmpty() ? " (no reason given)" : ": " + reason),
              INFO.fix()));
    }
    return out;
  }
}
