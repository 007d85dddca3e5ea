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
 * FT305: the dependency has only an sdist for the target and no pure-Python fallback, and an
 * extension module in it does not declare GIL-free support (found with {@code --inspect-sources}):
 * built from source and imported, it silently turns the GIL back on.
 */
public final class SourceReenablesGil implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT305",
          "sdist-reenables-gil",
          Severity.ERROR,
          "Dependency builds from its sdist on the target, and an extension module there does"
              + " not declare GIL-free support",
          "Upgrade to a release whose extensions declare GIL-free support, or replace the"
              + " dependency; PYTHON_GIL=0 keeps the GIL off at your own risk.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#module-initialization",
              "https://docs.python.org/3/c-api/module.html#c.Py_mod_gil",
              "https://packaging.python.org/en/latest/specifications/source-distribution-format/"),
          RuleInfo.Precision.MEDIUM,
          List.of("sources", "import"));

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
        if (s != null && s.support() == Support.SOURCE_REENABLES_GIL) {
          targets.add(target);
        }
      }
      if (targets.isEmpty() || p.sourceInspection().isEmpty()) {
        continue;
      }
      boolean conditional = p.sourceInspection().get().declaration() == GilDeclaration.CONDITIONAL;
      String evidence =
          p.sourceInspection().get().evidence().stream()
              .filter(e -> e.contains(conditional ? "only conditionally" : "does not declare"))
              .findFirst()
              .map(e -> " (" + e + ")")
              .orElse("");
      out.add(
          facts.finding(
              INFO,
              p,
              DependencyFacts.label(p)
                  + " has only an sdist for "
                  + DependencyFacts.targetList(targets)
                  + (conditional
                      ? ", whose extension modules declare GIL-free support only under a build"
                          + " condition"
                      : ", and an extension module there does not declare GIL-free support:"
                          + " importing it re-enables the GIL")
                  + evidence,
              INFO.fix()));
    }
    return out;
  }
}
