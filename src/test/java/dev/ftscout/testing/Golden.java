package dev.ftscout.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Goldens live in {@code src/test/resources/golden/}. To accept a changed
 * output on purpose, rerun the test with {@code -Dftscout.updateGoldens=true} and review the diff
 * in git; goldens are never rewritten otherwise.
 */
public final class Golden {
  private Golden() {}

  /** Asserts {@code actual} equals the golden file {@code name}. */
  public static void assertMatches(String name, String actual) {
    Path file = TestVenvs.basedir().resolve("src/test/resources/golden").resolve(name);
    try {
      if (Boolean.getBoolean("ftscout.updateGoldens")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
      }
      assertThat(file)
          .as("golden file %s is missing; run with -Dftscout.updateGoldens=true", name)
          .exists();
      assertThat(actual)
          .as("output differs from golden %s", name)
          .isEqualTo(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
