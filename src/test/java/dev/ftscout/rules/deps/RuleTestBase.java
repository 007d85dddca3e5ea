package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.deps.tags.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One loopback index per rule test class, and audits of small requirements files against it. */
abstract class RuleTestBase {
  @TempDir static Path tmp;
  static DependencySamples samples;

  @BeforeAll
  static void start() {
    samples = DependencySamples.start(tmp);
  }

  @AfterAll
  static void stop() {
    samples.close();
  }

  /** What {@code rule} reports for a requirements file, as text-report lines. */
  static List<String> report(
      DependencyRule rule, String requirements, List<Target> targets, boolean inspect) {
    AuditResult r = samples.requirements(requirements, targets, inspect);
    Path root =
        r.packages().stream()
            .flatMap(p -> p.declaredAt().stream())
            .map(l -> l.file().getParent())
            .findFirst()
            .orElse(tmp);
    return DependencySamples.lines(rule, r, root);
  }

  static List<String> report(DependencyRule rule, String requirements) {
    return report(rule, requirements, List.of(DependencySamples.LINUX_314T), false);
  }
}
