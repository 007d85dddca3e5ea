package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FT303SlowerWithoutExtensionTest extends RuleTestBase {
  private final SlowerWithoutExtension rule = new SlowerWithoutExtension();

  @Test
  void aBinaryPackageWithAPureWheelWorksSlower() {
    assertThat(report(rule, "charset-normalizer==3.4.3\n"))
        .containsExactly(
            "requirements.txt:1:1 FT303 charset-normalizer 3.4.3 has no free-threaded wheel for"
                + " 3.14t (manylinux_2_28_x86_64) and works there through its pure-Python wheel"
                + " (charset_normalizer-3.4.3-py3-none-any.whl), slower without its extension");
  }

  @Test
  void pureAndFreeThreadedPackagesAndBlockersAreNotReported() {
    assertThat(report(rule, "idna==3.10\nnumpy==2.3.3\npyyaml==6.0.2\n")).isEmpty();
  }
}
