package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.TargetStatus;
import dev.ftscout.deps.input.DependencyKind;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * FT308: the audit could not say whether a dependency works free-threaded: a URL, VCS, editable,
 * local or conda dependency, a project the index does not have (or an offline cache miss, or an
 * index that failed), or an sdist-only package whose sources were not inspected.
 */
public final class NotAssessable implements DependencyRule {
  public static final RuleInfo INFO =
      new RuleInfo(
          "FT308",
          "dependency-not-assessable",
          Severity.INFO,
          "The audit could not tell whether the dependency works free-threaded",
          "Check it by hand (its wheels or its sources), rerun online or with --inspect-sources"
              + " where the message says so, or run `ftscout probe` on an environment that has it.",
          List.of(
              "https://packaging.python.org/en/latest/specifications/dependency-specifiers/",
              "https://packaging.python.org/en/latest/specifications/simple-repository-api/"),
          RuleInfo.Precision.HIGH,
          List.of("index"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(DependencyFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (PackageReport p : facts.packages()) {
      List<String> sdistOnly = new ArrayList<>();
      boolean notFound = false;
      boolean notChecked = false;
      for (String target : facts.targets()) {
        TargetStatus s = p.targets().get(target);
        if (s == null) {
          continue;
        }
        switch (s.support()) {
          case SDIST_UNKNOWN -> sdistOnly.add(target);
          case NOT_FOUND -> notFound = true;
          case NOT_CHECKED -> notChecked = true;
          default -> {}
        }
      }
      String why;
      if (notChecked) {
        why = p.name() + " is " + kind(p.kind()) + " (" + p.version() + "): not checked";
      } else if (notFound) {
        why = notFoundReason(facts, p);
      } else if (!sdistOnly.isEmpty()) {
        why =
            DependencyFacts.label(p)
                + " has only an sdist for "
                + DependencyFacts.targetList(sdistOnly)
                + (p.sourceInspection().isPresent()
                    ? ": its sources did not settle it"
                    : ": not assessed; --inspect-sources reads its extension sources");
      } else {
        continue;
      }
      out.add(facts.finding(INFO, p, why, INFO.fix()));
    }
    return out;
  }

  private static String notFoundReason(DependencyFacts facts, PackageReport p) {
    String error = facts.result().indexFailures().get(p.name());
    if (error != null) {
      return p.name() + " could not be read from the index: " + error;
    }
    if (facts.result().missingOffline().contains(p.name())) {
      return p.name() + " is not in the cache (offline)";
    }
    return p.version().isEmpty()
        ? p.name() + " is not on the index"
        : DependencyFacts.label(p) + " is not on the index";
  }

  private static String kind(DependencyKind kind) {
    return switch (kind) {
      case URL -> "a direct URL dependency";
      case VCS -> "a version-control dependency";
      case EDITABLE -> "an editable install";
      case LOCAL_PATH -> "a local path dependency";
      case CONDA -> "a conda package";
      case INDEX -> "an index dependency";
    };
  }
}
