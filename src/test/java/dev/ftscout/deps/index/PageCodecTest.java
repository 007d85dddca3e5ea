package dev.ftscout.deps.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cache's compact page form gives back exactly the page that was stored. */
class PageCodecTest {
  private static String text(Random r, int max) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(max);
    for (int i = 0; i < n; i++) {
      sb.append((char) (r.nextInt(6) == 0 ? 0x80 + r.nextInt(0x700) : 'a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  private static Optional<String> maybe(Random r) {
    return r.nextBoolean() ? Optional.of(text(r, 12)) : Optional.empty();
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void roundTripsRandomPages(long seed) {
    Random r = new Random(seed);
    List<DistributionFile> files = new ArrayList<>();
    String base = "http://127.0.0.1:8080/files/" + text(r, 10) + "/";
    for (int i = 0; i < r.nextInt(200); i++) {
      Map<String, String> hashes = new LinkedHashMap<>();
      for (int h = 0; h < r.nextInt(3); h++) {
        hashes.put("algo" + h, text(r, 64));
      }
      files.add(
          new DistributionFile(
              text(r, 40) + ".whl",
              (r.nextBoolean() ? base : "https://other.invalid/") + text(r, 30),
              hashes,
              maybe(r),
              r.nextInt(5) == 0 ? Optional.of("") : maybe(r),
              r.nextBoolean(),
              r.nextLong(),
              maybe(r)));
    }
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < r.nextInt(20); i++) {
      versions.add(text(r, 8));
    }
    ProjectPage page = new ProjectPage(text(r, 20), base, files, versions);
    assertThat(PageCodec.decode(PageCodec.encode(page))).isEqualTo(page);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 9})
  void damagedBytesAreAnIndexErrorNotAWrongPage(int cut) {
    ProjectPage page =
        new ProjectPage(
            "six",
            "http://127.0.0.1/simple/six/",
            List.of(
                new DistributionFile(
                    "six-1.17.0-py2.py3-none-any.whl",
                    "http://127.0.0.1/files/six-1.17.0-py2.py3-none-any.whl",
                    Map.of("sha256", "00"),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    10,
                    Optional.empty())),
            List.of("1.17.0"));
    byte[] bytes = PageCodec.encode(page);
    byte[] cutBytes = java.util.Arrays.copyOf(bytes, cut);
    assertThatThrownBy(() -> PageCodec.decode(cutBytes)).isInstanceOf(IndexException.class);
  }
}
