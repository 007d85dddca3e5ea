package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FT302UpgradeAvailableTest extends RuleTestBase {
  private final UpgradeAvailable rule = new UpgradeAvailable();

  @Test
  void theBumpAndTheProjectConstraintThatForbidsItAreNamed() {
    assertThat(report(rule, "fastjson==1.3.0\n"))
        .containsExactly(
            "requirements.txt:1:1 FT302 upgrade fastjson 1.3.0 → 1.4.0 for free-threaded wheels"
                + " on 3.14t (manylinux_2_28_x86_64); forbidden by the project's own"
                + " fastjson==1.3.0 at requirements.txt:1:1");
  }

  @Test
  void anAllowedBumpHasNoConflict() {
    assertThat(report(rule, "requests\nnumpy<2\npyyaml\n"))
        .containsExactly(
            "requirements.txt:2:1 FT302 upgrade numpy 1.26.4 → 2.3.3 for free-threaded wheels on"
                + " 3.14t (manylinux_2_28_x86_64); forbidden by the project's own numpy<2 at"
                + " requirements.txt:2:1");
  }

  @Test
  void nothingWhenNoReleaseHasFreeThreadedWheelsOrNothingIsBlocked() {
    assertThat(report(rule, "pyyaml==6.0.2\nnumpy==2.3.3\n")).isEmpty();
  }
}
