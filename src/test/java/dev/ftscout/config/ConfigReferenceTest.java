package dev.ftscout.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference in {@code docs/configuration.md} is generated from {@link
 * ConfigSchema}; this test fails when they drift. Regenerate with {@code
 * -Dftscout.updateGoldens=true}.
 */
class ConfigReferenceTest {
  private static final String BEGIN = "<!-- generated from ConfigSchema: begin -->\n";
  private static final String END = "<!-- generated from ConfigSchema: end -->\n";

  @Test
  void docsTableIsGeneratedFromTheSchema() throws IOException {
    Path doc = TestVenvs.basedir().resolve("docs/configuration.md");
    String text = Files.readString(doc);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("markers in %s", doc).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String expected =
        text.substring(0, begin + BEGIN.length())
            + ConfigSchema.markdownTable()
            + text.substring(end);
    if (Boolean.getBoolean("ftscout.updateGoldens")) {
      Files.writeString(doc, expected);
    }
    assertThat(Files.readString(doc)).isEqualTo(expected);
  }
}
