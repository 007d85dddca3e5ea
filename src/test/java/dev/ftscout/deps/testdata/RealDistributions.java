package dev.ftscout.deps.testdata;

import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real sdists from the configured index, kept in {@code target/deps-dists}. */
public final class RealDistributions {
  private RealDistributions() {}

  /**
   * The sdist of an exact release ({@code pyyaml==6.0.2}), fetched from the index pip is configured
   * with (nothing is built) when not yet there.
   */
  public static Path sdist(String pinned) {
    String name = pinned.split("==")[0].toLowerCase(java.util.Locale.ROOT);
    String version = pinned.split("==")[1];
    Path dir = TestVenvs.basedir().resolve("target/deps-dists");
    try {
      Files.createDirectories(dir);
      Path found = find(dir, name, version);
      if (found == null) {
        RealPackageData.run(
            List.of(
                TestVenvs.venv("packaging").python().toString(),
                TestVenvs.basedir()
                    .resolve("src/test/resources/deps/realdata/download_sdist.py")
                    .toString(),
                dir.toString(),
                name,
                version),
            TestVenvs.basedir());
        found = find(dir, name, version);
      }
      if (found == null) {
        throw new IllegalStateException("could not download " + pinned);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @org.jspecify.annotations.Nullable Path find(Path dir, String name, String version)
      throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String f = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return f.startsWith(name + "-" + version)
                    && (f.endsWith(".tar.gz") || f.endsWith(".zip"));
              })
          .findFirst()
          .orElse(null);
    }
  }
}
