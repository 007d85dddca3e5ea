package dev.ftscout.rules.cext;

import dev.ftscout.rules.FixtureHarness;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Test helpers for the extension rules: the fixture folders and an analyzer over all rules. */
final class Fixtures {
  private Fixtures() {}

  /** {@code src/test/resources/rules/<ruleId>}. */
  static Path folder(String ruleId) {
    return TestVenvs.basedir().resolve("src/test/resources/rules").resolve(ruleId);
  }

  /** The fixtures of a rule. */
  static List<Path> of(String ruleId) {
    return FixtureHarness.fixtures(folder(ruleId));
  }

  static ExtensionAnalyzer analyzer() {
    return ExtensionAnalyzer.of(RuleRegistry.standard());
  }

  /** Every FT2xx rule id, so fixtures are checked against all rules at once. */
  static Set<String> allExtensionRules() {
    return RuleRegistry.standard().ofType(ExtensionRule.class).stream()
        .map(r -> r.info().id())
        .collect(Collectors.toSet());
  }
}
