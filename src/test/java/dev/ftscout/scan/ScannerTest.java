package dev.ftscout.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.Config;
import dev.ftscout.config.ConfigLoader;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import dev.ftscout.model.UserError;
import dev.ftscout.testing.WordRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final Scanner scanner =
      new Scanner(WordRules.registry(), List.of(WordRules.analyzer()), json);

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private ScanResult scan() {
    Config config = new ConfigLoader().load(dir, Optional.empty());
    return scanner.scan(List.of(dir), config);
  }

  @Test
  void findsAndOrdersFindings() throws IOException {
    write("b.txt", "ok\nLEAK here\n");
    write("a/x.txt", "RACE RACE\nfine\n  LEAK\n");
    ScanResult r = scan();
    assertThat(r.findings())
        .extracting(f -> f.location() + " " + f.ruleId())
        .containsExactly("a/x.txt:1:1 FT198", "a/x.txt:3:3 FT199", "b.txt:2:1 FT199");
    assertThat(r.filesAnalyzed()).isEqualTo(2);
  }

  @Test
  void configSelectsAndOverridesSeverity() throws IOException {
    write("a.txt", "RACE LEAK\n");
    write("ftscout.toml", "ignore = [\"word-leak\"]\n[severity]\nFT198 = \"info\"\n");
    ScanResult r = scan();
    assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("FT198");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(r.enabledRules()).extracting(i -> i.id()).containsExactly("FT198");
  }

  @Test
  void unknownSelectorIsAUserError() throws IOException {
    write("ftscout.toml", "select = [\"FT9\"]\n");
    assertThatThrownBy(this::scan)
        .isInstanceOf(UserError.class)
        .hasMessageEndingWith("ftscout.toml: unknown rule selector 'FT9'");
  }

  @Test
  void suppressionsOnTheLineAndTheLineAbove() throws IOException {
    write(
        "a.txt",
        """
        RACE  # ftscout: ignore[FT198]
        # ftscout: ignore[word-leak]
        LEAK
        # ftscout: ignore[FT198]
        fine
        RACE  # ftscout: ignore
        LEAK  # ftscout: ignore[FT198]
        """);
    ScanResult r = scan();
    assertThat(r.findings()).extracting(Finding::location).containsExactly("a.txt:7:1");
    assertThat(r.suppressed()).isEqualTo(3);
    assertThat(r.unusedSuppressions())
        .extracting(u -> u.line() + " " + u.reason())
        .containsExactly("4 no FT198 finding on line 5", "7 no FT198 finding on line 7");
  }

  @Test
  void excludesAndDefaultExcludes() throws IOException {
    write("keep/a.txt", "RACE\n");
    write("vendored/b.txt", "RACE\n");
    write(".venv/lib/c.txt", "RACE\n");
    write("node_modules/d.txt", "RACE\n");
    write("gen/deep/e.txt", "RACE\n");
    write("ftscout.toml", "exclude = [\"vendored\", \"gen/**\"]\n");
    assertThat(scan().findings()).extracting(Finding::path).containsExactly("keep/a.txt");
  }

  @Test
  void badFilesAreSkippedNotFatal() throws IOException {
    write("good.txt", "RACE\n");
    Files.write(dir.resolve("binary.txt"), new byte[] {'R', 0, 'A'});
    Files.write(dir.resolve("latin1.txt"), new byte[] {'o', 'k', (byte) 0xE9, '\n'});
    Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("missing-target"));
    try (var f = new java.io.RandomAccessFile(dir.resolve("huge.txt").toFile(), "rw")) {
      f.setLength(ProjectFiles.MAX_BYTES + 1);
    }
    ScanResult r = scan();
    assertThat(r.findings()).extracting(Finding::path).containsExactly("good.txt");
    assertThat(r.skipped())
        .extracting(s -> s.path() + ": " + s.reason())
        .containsExactly(
            "binary.txt: binary file",
            "dangling.txt: cannot read: no such file",
            "huge.txt: larger than 10 MB (10 MB)",
            "latin1.txt: not valid UTF-8 at byte 2");
  }

  @Test
  void missingPathIsAUserError() {
    Config config = Config.defaults(dir);
    assertThatThrownBy(() -> scanner.scan(List.of(dir.resolve("nope")), config))
        .isInstanceOf(UserError.class)
        .hasMessageEndingWith("nope: no such file or folder");
  }

  @Test
  void baselineAcceptsKnownFindingsEvenAfterLinesMove() throws IOException {
    write("a.txt", "RACE one\nLEAK two\n");
    ScanResult first = scan();
    Path baseline = dir.resolve("baseline.json");
    Files.writeString(baseline, Baseline.render(first.unfiltered(), json));
    write("ftscout.toml", "baseline = \"baseline.json\"\n");
    write("a.txt", "new line\n\nRACE one\nLEAK two\nRACE three\n");
    ScanResult second = scan();
    assertThat(second.findings()).extracting(Finding::location).containsExactly("a.txt:5:1");
    assertThat(second.baselined()).isEqualTo(2);
  }

  @Test
  void malformedBaselineNamesThePosition() throws IOException {
    write("a.txt", "RACE\n");
    write("baseline.json", "{\"schemaVersion\": 1,\n \"findings\": [}\n");
    write("ftscout.toml", "baseline = \"baseline.json\"\n");
    assertThatThrownBy(this::scan)
        .isInstanceOf(UserError.class)
        .hasMessageContaining("baseline.json:2:")
        .hasMessageContaining("invalid baseline");
  }
}
