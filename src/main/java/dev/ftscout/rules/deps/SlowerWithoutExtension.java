package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.Support;
import dev.ftscout.deps.audit.TargetStatus;
import dev.ftscout.deps.source.GilDeclaration;
import dev.ftscout.deps.source.SourceInspection;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FT303: a binary dependency has no free-threaded wheel for a target but works there through a
 * pure-Python wheel or fallback: it runs, slower without its extension.
 */
public final class SlowerWithoutExtension implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT303",
          "slower-without-extension",
          Severity.INFO,
          "Dependency works on the target only through its pure-Python fallback, slower without"
              + " its extension",
          "Nothing blocks the move; watch the dependency for a free-threaded wheel if its speed"
              + " matters, and benchmark the hot paths that use it.",
          List.of(
              "https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/",
              "https://docs.python.org/3/howto/free-threading-extensions.html"),
          RuleInfo.Precision.HIGH,
          List.of("performance"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(DependencyFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (PackageReport p : facts.packages()) {
      List<String> onFallback = new ArrayList<>();
      Optional<String> pureWheel = Optional.empty();
      for (String target : facts.targets()) {
        TargetStatus s = p.targets().get(target);
        if (s != null && s.support() == Support.PURE_FALLBACK) {
          onFallback.add(target);
          if (pureWheel.isEmpty()) {
            pureWheel = s.wheels().stream().findFirst();
          }
        }
      }
      if (onFallback.isEmpty()) {
        continue;
      }
      StringBuilder message =
          new StringBuilder(DependencyFacts.label(p))
              .append(" has no free-threaded wheel for ")
              .append(DependencyFacts.targetList(onFallback))
              .append(" and works there through its pure-Python ");
      Optional<SourceInspection> inspection = p.sourceInspection();
      if (pureWheel.isPresent()) {
        message.append("wheel (").append(pureWheel.get()).append(')');
      } else {
        message.append("fallback");
        inspection
            .flatMap(i -> i.evidence().stream().filter(e -> e.contains("pure Python")).findFirst())
            .ifPresent(e -> message.append(" (").append(e).append(')'));
      }
      message.append(", slower without its extension");
      if (pureWheel.isEmpty()
          && inspection.map(i -> i.declaration() == GilDeclaration.NO).orElse(false)) {
        message.append(
            "; if its extension is built from the sdist, importing it re-enables the GIL");
      }
      out.add(facts.finding(INFO, p, message.toString(), INFO.fix()));
    }
    return out;
  }
}
