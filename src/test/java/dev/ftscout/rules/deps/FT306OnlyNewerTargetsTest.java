package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FT306OnlyNewerTargetsTest extends RuleTestBase {
  private final OnlyNewerTargets rule = new OnlyNewerTargets();

  @Test
  void reportedForTheOlderTargetOnly() {
    assertThat(
            report(
                rule,
                "fastjson==1.4.0\n",
                List.of(DependencySamples.LINUX_313T, DependencySamples.LINUX_314T),
                false))
        .containsExactly(
            "requirements.txt:1:1 FT306 fastjson 1.4.0 has free-threaded wheels for 3.14t only,"
                + " none for 3.13t/manylinux_2_28_x86_64; no free-threaded release yet");
  }

  @Test
  void notReportedWithoutANewerTargetOrOnAnotherPlatform() {
    assertThat(report(rule, "fastjson==1.4.0\n", List.of(DependencySamples.LINUX_313T), false))
        .isEmpty();
    assertThat(
            report(
                rule,
                "fastjson==1.4.0\n",
                List.of(
                    DependencySamples.LINUX_313T,
                    dev.ftscout.deps.tags.Target.parse("3.14t", "win_amd64")),
                false))
        .isEmpty();
    assertThat(
            report(
                rule,
                "numpy==2.3.3\n",
                List.of(DependencySamples.LINUX_313T, DependencySamples.LINUX_314T),
                false))
        .isEmpty();
  }
}
