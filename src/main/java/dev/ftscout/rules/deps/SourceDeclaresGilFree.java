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
 * FT304: no wheel installs on the target, so the dependency is built from its sdist, and the
 * extension sources there declare GIL-free support (found with {@code --inspect-sources}).
 */
public final class SourceDeclaresGilFree implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT304",
          "sdist-declares-gil-free",
          Severity.INFO,
          "Dependency builds from its sdist on the target, and its extension sources declare"
              + " GIL-free support",
          "Nothing blocks the move; installing needs a compiler and the library's build"
              + " dependencies, or a free-threaded wheel once the project publishes one.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#module-initialization",
              "https://packaging.python.org/en/latest/specifications/source-distribution-format/"),
          RuleInfo.Precision.MEDIUM,
          List.of("sources"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(DependencyFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (PackageReport p : facts.packages()) {
      List<String> targets = new ArrayList<>();
      for (String target : facts.targets()) {
        TargetStatus s = p.targets().get(target);
        if (s != null && s.support() == Support.SOURCE_DECLARES_GIL_FREE) {
          targets.add(target);
        }
      }
      if (targets.isEmpty() || p.sourceInspection().isEmpty()) {
        continue;
      }
      String evidence =
          p.sourceInspection().get().evidence().stream()
              .filter(e -> e.contains("declares GIL-free"))
              .findFirst()
              .map(e -> " (" + e + ")")
              .orElse("");
      out.add(
          facts.finding(
              INFO,
              p,
              DependencyFacts.label(p)
                  + " has no wheel for "
                  + DependencyFacts.targetList(targets)
                  + " and builds from its sdist, whose extension modules declare GIL-free"
                  + " support"
                  + evidence,
              INFO.fix()));
    }
    return out;
  }
}
