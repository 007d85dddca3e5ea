package dev.ftscout.check;

import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.deps.audit.BlockerChain;
import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.Support;
import dev.ftscout.deps.audit.TargetStatus;
import dev.ftscout.deps.audit.UpgradePlan;
import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.LibraryKinds;
import dev.ftscout.verdict.NextStep;
import dev.ftscout.verdict.VerdictInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the verdict needs from a dependency audit: blockers with their chains, fallbacks, unknowns
 * and the upgrade plan for the first (primary) target, workload signals from the project's direct
 * dependencies, and each distribution's chain for naming probe culprits.
 */
public final class DependencySummary {
  private DependencySummary() {}

  /**
   * The audit as the verdict weighs it, for the primary target.
   *
   * @param result the audit
   * @param root the project root, for relative paths
   */
  public static VerdictInput.Dependencies evidence(AuditResult result, Path root) {
    String target = result.targets().isEmpty() ? "" : result.targets().get(0);
    List<VerdictInput.Blocker> blockers = new ArrayList<>();
    for (BlockerChain chain : result.chains()) {
      if (!chain.target().equals(target) || chain.path().isEmpty()) {
        continue;
      }
      String last = chain.path().get(chain.path().size() - 1);
      int space = last.lastIndexOf(' ');
      String name = space < 0 ? last : last.substring(0, space);
      String version = space < 0 ? "" : last.substring(space + 1);
      String where =
          result
              .get(name)
              .flatMap(PackageReport::declaredAt)
              .map(at -> relative(root, at.file()) + ":" + at.line())
              .orElse("");
      blockers.add(
          new VerdictInput.Blocker(
              name,
              version,
              chain.path(),
              chain.reason(),
              chain.firstFreeThreadedRelease(),
              where));
    }
    List<String> fallbacks = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    int binary = 0;
    for (PackageReport p : result.packages()) {
      if (p.binary()) {
        binary++;
      }
      Optional<TargetStatus> status = Optional.ofNullable(p.targets().get(target));
      Support support = status.map(TargetStatus::support).orElse(Support.NOT_CHECKED);
      switch (support) {
        case PURE_FALLBACK -> fallbacks.add(p.name() + "@" + p.version());
        case NOT_FOUND -> unknown.add(p.name() + ": not found on the index");
        case SDIST_UNKNOWN -> unknown.add(p.name() + ": source distribution only, not inspected");
        case NOT_CHECKED -> unknown.add(p.name() + ": not checked");
        default -> {}
      }
    }
    return new VerdictInput.Dependencies(
        true,
        "",
        target,
        result.packages().size(),
        binary,
        blockers,
        fallbacks,
        unknown,
        plan(result.plan(), root));
  }

  /**
   * Bumps and the constraints that block them; packages with no fix at all are advised on by the
   * verdict from its blockers.
   */
  private static List<NextStep> plan(UpgradePlan plan, Path root) {
    List<NextStep> steps = new ArrayList<>();
    for (UpgradePlan.Bump b : plan.bumps()) {
      steps.add(
          new NextStep(
              "Upgrade "
                  + b.name()
                  + " "
                  + b.from()
                  + " → "
                  + b.to()
                  + " (first release with free-threaded wheels for "
                  + String.join(", ", b.targets())
                  + ")",
              ""));
    }
    for (UpgradePlan.Conflict c : plan.conflicts()) {
      steps.add(
          new NextStep(
              c.name()
                  + " needs "
                  + c.needed()
                  + " but "
                  + c.constraint()
                  + " ("
                  + c.imposedBy()
                  + c.at().map(at -> ", " + relative(root, at.file()) + ":" + at.line()).orElse("")
                  + ") forbids it: relax that constraint",
              ""));
    }
    return steps;
  }

  /** Workload signals from the names of direct dependencies. */
  public static ConcurrencyFacts signals(AuditResult result, Path root) {
    List<ConcurrencyFacts.Signal> signals = new ArrayList<>();
    for (PackageReport p : result.packages()) {
      if (!p.direct()) {
        continue;
      }
      LibraryKinds.of(p.name())
          .ifPresent(kind ->
              signals.add(
                  new ConcurrencyFacts.Signal(
                      kind,
                      p.name(),
                      p.declaredAt().map(at -> relative(root, at.file())).orElse("dependencies"),
                      p.declaredAt().map(at -> at.line()).orElse(0))));
    }
    return new ConcurrencyFacts(signals);
  }

  /** For every distribution that sits in a blocker chain or was required, how it is pulled in. */
  public static Map<String, List<String>> chains(AuditResult result, String project) {
    Map<String, List<String>> chains = new LinkedHashMap<>();
    for (BlockerChain c : result.chains()) {
      if (c.path().isEmpty()) {
        continue;
      }
      String last = c.path().get(c.path().size() - 1);
      int space = last.lastIndexOf(' ');
      chains.putIfAbsent(space < 0 ? last : last.substring(0, space), c.path());
    }
    for (PackageReport p : result.packages()) {
      if (chains.containsKey(p.name())) {
        continue;
      }
      List<String> path = new ArrayList<>();
      path.add(project);
      if (!p.direct() && !p.requiredBy().isEmpty()) {
        String parent = p.requiredBy().get(0);
        path.add(result.get(parent).map(r -> r.name() + " " + r.version()).orElse(parent));
      }
      path.add(p.name() + " " + p.version());
      chains.put(p.name(), path);
    }
    return chains;
  }

  private static String relative(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    return (abs.startsWith(r) ? r.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
