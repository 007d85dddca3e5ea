package dev.ftscout.deps.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.SourceComment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Comments of dependency inputs, for suppressions: pip's rule and TOML's. */
class InputCommentsTest {
  @TempDir Path dir;

  @Test
  void requirementsFilesFollowPipsRule() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("requirements.txt"),
            """
            # a header
            numpy==1.26.4  # ftscout: ignore[FT301]
            pkg @ https://host.invalid/pkg.whl#sha256=abc
              # indented, own line
            """);
    assertThat(InputComments.of(f))
        .containsExactly(
            new SourceComment(1, " a header", true),
            new SourceComment(2, " ftscout: ignore[FT301]", false),
            new SourceComment(4, " indented, own line", true));
  }

  @Test
  void tomlCommentsOutsideStrings() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("pyproject.toml"),
            """
            [project]
            # own line
            name = "a#b"  # after a value
            dependencies = [
                "numpy>=2",  # ftscout: ignore[FT301]
                '''x # not a comment
            # still not''',
                "escaped \\" # not either",
            ]
            """);
    assertThat(InputComments.of(f))
        .containsExactly(
            new SourceComment(2, " own line", true),
            new SourceComment(3, " after a value", false),
            new SourceComment(5, " ftscout: ignore[FT301]", false));
  }

  @Test
  void filesWithoutCommentsOrUnknownFormatsHaveNone() throws Exception {
    assertThat(InputComments.of(Files.writeString(dir.resolve("Pipfile.lock"), "{}"))).isEmpty();
    assertThat(InputComments.of(Files.writeString(dir.resolve("notes.md"), "# title"))).isEmpty();
    assertThat(InputComments.of(dir.resolve("missing-requirements.txt"))).isEmpty();
  }

  /**
   * A comment placed after a random TOML value on a random line is found on that line, whatever
   * strings (with quotes and hashes) come before it.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomTomlValuesNeverHideOrInventComments(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    int expected = 0;
    int lines = 20 + random.nextInt(20);
    for (int i = 1; i <= lines; i++) {
      String value =
          switch (random.nextInt(4)) {
            case 0 -> "\"a#b\\\"c\"";
            case 1 -> "'x#y'";
            case 2 -> "[\"p#\", 'q#']";
            default -> String.valueOf(random.nextInt(1000));
          };
      text.append("k").append(i).append(" = ").append(value);
      if (random.nextBoolean()) {
        text.append("  # c").append(i);
        expected++;
      }
      text.append('\n');
    }
    var comments = InputComments.toml(text.toString());
    assertThat(comments).hasSize(expected);
    assertThat(comments).allMatch(c -> c.text().equals(" c" + c.line()) && !c.ownLine());
  }
}
