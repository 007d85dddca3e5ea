package dev.ftscout.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property: whatever the chunking, the kept text is the real head and the real tail. */
class CappedTextTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
  void keepsHeadAndTailOfAnyChunking(long seed) {
    Random random = new Random(seed);
    int limit = random.nextInt(200);
    StringBuilder all = new StringBuilder();
    int total = random.nextInt(50_000);
    for (int i = 0; i < total; i++) {
      all.append((char) ('a' + random.nextInt(26)));
    }
    CappedText text = new CappedText(limit);
    char[] chars = all.toString().toCharArray();
    int pos = 0;
    while (pos < chars.length) {
      int n = Math.min(chars.length - pos, 1 + random.nextInt(20_000));
      text.append(chars, pos, n);
      pos += n;
    }
    String kept = text.text();
    if (total <= limit) {
      assertThat(text.truncated()).isFalse();
      assertThat(kept).isEqualTo(all.toString());
    } else {
      int head = limit / 2;
      int tail = limit - head;
      assertThat(text.truncated()).isTrue();
      assertThat(kept)
          .startsWith(all.substring(0, head))
          .endsWith(all.substring(total - tail))
          .contains("[... " + (total - limit) + " characters dropped ...]");
    }
  }
}
