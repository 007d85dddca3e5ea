package dev.ftscout.deps.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes wheel file name parsing and tag ranking. */
class WheelFilenameFuzzTest {
  private static final TagRanking RANKING =
      Target.parse("3.14t", "manylinux_2_28_x86_64").ranking();

  @FuzzTest(maxDuration = "60s")
  void wheelNamesParseOrAreRejected(FuzzedDataProvider data) {
    String name = data.consumeRemainingAsString();
    WheelFilename.tryParse(name)
        .ifPresent(w -> {
          assertThat(w.tags()).isNotEmpty();
          RANKING.priority(w).ifPresent(p -> assertThat(p).isNotNegative());
        });
  }
}
