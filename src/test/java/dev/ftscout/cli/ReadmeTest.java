package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The README keeps its promises: the two set-up commands come first, CI runs the same test command,
 * every command is listed, and every link points at a file that exists.
 */
class ReadmeTest {
  private static final Path REPO = TestVenvs.basedir();

  private static String readme() throws IOException {
    return Files.readString(REPO.resolve("README.md"));
  }

  @Test
  void startsWithTheTwoSetUpCommands() throws IOException {
    List<String> lines = readme().lines().limit(4).toList();
    assertThat(lines)
        .containsExactly("```sh", "./ftscout check examples/sample-app", "scripts/test.sh", "```");
    assertThat(REPO.resolve("examples/sample-app/pyproject.toml")).isRegularFile();
    assertThat(REPO.resolve("ftscout")).isExecutable();
    assertThat(REPO.resolve("scripts/test.sh")).isExecutable();
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws IOException {
    List<String> commands =
        Files.readString(REPO.resolve(".ci/run"))
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(commands).last().isEqualTo("scripts/test.sh");
  }

  @Test
  void everyCommandIsInTheCommandTable() throws IOException {
    String readme = readme();
    List<String> names =
        java.util.Arrays.stream(FtscoutCommand.class.getAnnotation(Command.class).subcommands())
            .map(c -> c.getAnnotation(Command.class).name())
            .toList();
    assertThat(names)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(readme).contains("| `ftscout " + name));
  }

  @Test
  void everyRelativeLinkResolves() throws IOException {
    Matcher m = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)").matcher(readme());
    int links = 0;
    while (m.find()) {
      String target = m.group(1);
      if (target.contains("://")) {
        continue;
      }
      links++;
      assertThat(REPO.resolve(target)).as(target).exists();
    }
    assertThat(links).isGreaterThan(10);
  }
}
