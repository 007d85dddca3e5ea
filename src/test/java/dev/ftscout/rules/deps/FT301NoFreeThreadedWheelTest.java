package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FT301NoFreeThreadedWheelTest extends RuleTestBase {
  private final NoFreeThreadedWheel rule = new NoFreeThreadedWheel();

  @Test
  void aBinaryPinWithoutAFreeThreadedWheelIsAnErrorWithItsChainAndTheFirstFixedRelease() {
    assertThat(report(rule, "requests\nnumpy==1.26.4\n"))
        .containsExactly(
            "requirements.txt:2:1 FT301 numpy 1.26.4 has no free-threaded wheel for 3.14t"
                + " (manylinux_2_28_x86_64): app → numpy 1.26.4; first free-threaded release"
                + " 2.3.3");
    assertThat(rule.info().severity()).isEqualTo(dev.ftscout.model.Severity.ERROR);
  }

  @Test
  void firstReleasesDifferPerTargetAndUnreleasedOnesSaySo() {
    assertThat(
            report(
                rule,
                "numpy==1.26.4\npyyaml==6.0.2\n",
                List.of(DependencySamples.LINUX_313T, DependencySamples.LINUX_314T),
                false))
        .containsExactly(
            "requirements.txt:1:1 FT301 numpy 1.26.4 has no free-threaded wheel for 3.13t, 3.14t"
                + " (manylinux_2_28_x86_64): app → numpy 1.26.4; first free-threaded release"
                + " 2.1.0 for 3.13t, 2.3.3 for 3.14t",
            "requirements.txt:2:1 FT301 pyyaml 6.0.2 has no free-threaded wheel for 3.13t, 3.14t"
                + " (manylinux_2_28_x86_64): app → pyyaml 6.0.2; no free-threaded release yet");
  }

  @Test
  void freeThreadedWheelsPureWheelsAndNewerTargetsAreNotReported() {
    assertThat(report(rule, "numpy==2.3.3\ncharset-normalizer==3.4.3\nrequests\n")).isEmpty();
    assertThat(
            report(
                rule,
                "fastjson==1.4.0\n",
                List.of(DependencySamples.LINUX_313T, DependencySamples.LINUX_314T),
                false))
        .as("3.13t lacks wheels 3.14t has: FT306")
        .isEmpty();
    assertThat(report(rule, "fastjson==1.4.0\n", List.of(DependencySamples.LINUX_313T), false))
        .singleElement()
        .asString()
        .contains("fastjson 1.4.0 has no free-threaded wheel for 3.13t");
  }
}
