package dev.ftscout.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceComment;
import dev.ftscout.model.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs any {@link Analyzer} over a fixture and compares its findings with the expectation markers
 * in the fixture's files, in both directions. A marker is a comment on the reported line: {@code //
 * expect: FT201} (C, C++, Rust) or {@code # expect: FT101, FT102} (Python, Cython, build files);
 * several ids on one line expect several findings there.
 *
 * <p>A fixture is a single file (a one-file project) or a folder (a project; paths are relative to
 * it). The harness knows no rule family: any analyzer, any file type.
 */
public final class FixtureHarness {
  private static final Pattern MARKER =
      Pattern.compile("(?://|#|/\\*|;)\\s*expect:\\s*(FT\\d{3}(?:\\s*,\\s*FT\\d{3})*)");

  private FixtureHarness() {}

  /** One expectation: rule {@code ruleId} reports at {@code path:line}. */
  public record Expectation(String path, int line, String ruleId) {
    @Override
    public String toString() {
      return path + ":" + line + " " + ruleId;
    }
  }

  /** The fixtures of a folder (its files and sub-folders), sorted by name. */
  public static List<Path> fixtures(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files of a fixture with display paths relative to it (a single file: its name). */
  public static List<SourceFile> load(Path fixture) {
    try {
      if (Files.isRegularFile(fixture)) {
        return List.of(
            new SourceFile(fixture.getFileName().toString(), fixture, Files.readAllBytes(fixture)));
      }
      List<SourceFile> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(fixture)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          String rel = fixture.relativize(p).toString().replace('\\', '/');
          files.add(new SourceFile(rel, p, Files.readAllBytes(p)));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expectation markers of the files. */
  public static List<Expectation> markers(List<SourceFile> files) {
    List<Expectation> out = new ArrayList<>();
    for (SourceFile f : files) {
      String[] lines = new String(f.bytes(), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        while (m.find()) {
          for (String id : m.group(1).split(",")) {
            out.add(new Expectation(f.path(), i + 1, id.strip()));
          }
        }
      }
    }
    out.sort(Comparator.comparing(Expectation::toString));
    return out;
  }

  /** Whether any file of the fixture expects {@code ruleId}. */
  public static boolean expects(Path fixture, String ruleId) {
    return markers(load(fixture)).stream().anyMatch(e -> e.ruleId().equals(ruleId));
  }

  /** Runs the analyzer over the fixture with the given rules enabled. */
  public static AnalysisResult analyze(Analyzer analyzer, Path fixture, Set<String> enabled) {
    List<SourceFile> files = load(fixture).stream().filter(f -> analyzer.wants(f.path())).toList();
    return analyzer.analyze(files, new AnalysisContext(enabled, "3.9"));
  }

  /**
   * Asserts that the analyzer, with {@code enabled} rules, reports exactly what the markers expect
   * (markers for rules outside {@code enabled} are ignored), and that every marker is a comment the
   * analyzer reported (so suppression comments on that line would be seen too).
   */
  public static AnalysisResult assertMatches(Analyzer analyzer, Path fixture, Set<String> enabled) {
    List<SourceFile> files = load(fixture);
    AnalysisResult result = analyze(analyzer, fixture, enabled);
    List<String> expected =
        markers(files).stream()
            .filter(e -> enabled.contains(e.ruleId()))
            .map(Expectation::toString)
            .sorted()
            .toList();
    List<String> actual =
        result.findings().stream()
            .map(f -> new Expectation(f.path(), f.span().line(), f.ruleId()).toString())
            .sorted()
            .toList();
    assertThat(actual)
        .as(
            "findings of %s (expected from markers: %s)\n%s",
            fixture.getFileName(), expected, describe(result.findings()))
        .isEqualTo(expected);
    for (Expectation e : markers(files)) {
      List<SourceComment> comments = result.comments().getOrDefault(e.path(), List.of());
      assertThat(comments)
          .as("the marker at %s:%d is reported as a comment", e.path(), e.line())
          .anyMatch(c -> c.line() == e.line() && c.text().contains("expect:"));
    }
    return result;
  }

  private static String describe(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append("  ")
          .append(f.location())
          .append(' ')
          .append(f.ruleId())
          .append(' ')
          .append(f.message())
          .append('\n');
    }
    return b.toString();
  }
}
