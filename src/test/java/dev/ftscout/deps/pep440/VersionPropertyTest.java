package dev.ftscout.deps.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ordering and specifier laws on generated versions (seeded, reproducible). */
class VersionPropertyTest {
  /** Versions of one release in PEP 440 order: dev, pre (with dev), final, post. */
  private static List<String> ladder(String release) {
    return List.of(
        release + ".dev0",
        release + ".dev3",
        release + "a1.dev0",
        release + "a1",
        release + "a2",
        release + "b1",
        release + "rc1",
        release + "rc1.post1",
        release,
        release + "+local",
        release + ".post1.dev0",
        release + ".post1",
        release + ".post2");
  }

  private static String release(Random r) {
    int segments = 1 + r.nextInt(4);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < segments; i++) {
      parts.add(Integer.toString(r.nextInt(12)));
    }
    return String.join(".", parts);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void shuffledLaddersSortBackIntoPep440Order(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 200; i++) {
      String rel = release(r);
      List<String> expected = ladder(rel);
      List<Version> shuffled = new ArrayList<>(expected.stream().map(Version::parse).toList());
      Collections.shuffle(shuffled, r);
      Collections.sort(shuffled);
      assertThat(shuffled.stream().map(Version::toString).toList())
          .isEqualTo(expected.stream().map(v -> Version.parse(v).toString()).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9})
  void comparisonIsATotalOrderConsistentWithSpecifiers(long seed) {
    Random r = new Random(seed);
    List<Version> vs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<String> l = ladder(release(r));
      vs.add(Version.parse(l.get(r.nextInt(l.size()))));
    }
    for (int i = 0; i < 3000; i++) {
      Version a = vs.get(r.nextInt(vs.size()));
      Version b = vs.get(r.nextInt(vs.size()));
      Version c = vs.get(r.nextInt(vs.size()));
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
      if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
        assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
      }
      assertThat(Specifier.parse(">=" + b.withoutLocal()).matches(a))
          .isEqualTo(a.compareTo(b.withoutLocal()) >= 0);
      assertThat(Specifier.parse("!=" + b.withoutLocal()).matches(a))
          .isNotEqualTo(Specifier.parse("==" + b.withoutLocal()).matches(a));
    }
  }
}
