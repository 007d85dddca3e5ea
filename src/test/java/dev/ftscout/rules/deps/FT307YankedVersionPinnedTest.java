package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FT307YankedVersionPinnedTest extends RuleTestBase {
  private final YankedVersionPinned rule = new YankedVersionPinned();

  @Test
  void anExactPinOfAYankedReleaseIsReportedWithTheReason() {
    assertThat(report(rule, "fastjson==1.3.0\n"))
        .containsExactly(
            "requirements.txt:1:1 FT307 fastjson 1.3.0 is yanked from the index: broken release");
  }

  @Test
  void aRangeSkipsTheYankedReleaseAndNothingIsReported() {
    assertThat(report(rule, "fastjson<1.4\n")).isEmpty();
    assertThat(report(rule, "fastjson==1.4.0\n")).isEmpty();
  }
}
