package dev.ftscout.rules.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.FixtureHarness;
import dev.ftscout.scan.Scanner;
import dev.ftscout.testing.TestVenvs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the Python analyzer over random projects assembled (seeded) from the labelled
 * corpus: the result does not depend on the number of worker threads or on the order the files come
 * in, and columns are converted from CPython's UTF-8 byte offsets to UTF-16 correctly.
 */
class PythonAnalyzerPropertiesTest {
  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 8).boxed();
  }

  private static List<SourceFile> corpus() {
    Path root = TestVenvs.basedir().resolve("src/test/resources/pyrules-corpus");
    List<SourceFile> files = new ArrayList<>();
    for (String part : List.of("hazard", "safe")) {
      for (Path p : FixtureHarness.fixtures(root.resolve(part))) {
        for (SourceFile f : FixtureHarness.load(p)) {
          files.add(new SourceFile(part + "/" + f.path(), f.absolute(), f.bytes()));
        }
      }
    }
    return files;
  }

  private static List<String> sorted(AnalysisResult r) {
    return r.findings().stream()
        .sorted(Scanner.ORDER)
        .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message())
        .toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resultsDoNotDependOnJobsOrFileOrder(long seed) {
    Random random = new Random(seed);
    List<SourceFile> all = corpus();
    Collections.shuffle(all, random);
    List<SourceFile> project =
        new ArrayList<>(all.subList(0, 10 + random.nextInt(all.size() - 10)));
    List<SourceFile> inOrder = new ArrayList<>(project);
    inOrder.sort((a, b) -> a.path().compareTo(b.path()));
    PythonAnalyzer analyzer = PyFixtures.analyzer();
    var rules = PyFixtures.allPythonRules();
    AnalysisResult one = analyzer.analyze(inOrder, new AnalysisContext(rules, "3.11", 1));
    AnalysisResult many =
        analyzer.analyze(inOrder, new AnalysisContext(rules, "3.11", 2 + random.nextInt(6)));
    assertThat(many.findings()).isEqualTo(one.findings());
    assertThat(many.concurrency()).isEqualTo(one.concurrency());
    AnalysisResult shuffled =
        analyzer.analyze(project, new AnalysisContext(rules, "3.11", 1 + random.nextInt(4)));
    assertThat(sorted(shuffled)).isEqualTo(sorted(one));
    assertThat(shuffled.filesAnalyzed()).isEqualTo(one.filesAnalyzed());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void columnsAreUtf16FromUtf8ByteOffsets(long seed) {
    Random random = new Random(seed);
    int[] alphabet = {'a', ' ', 'é', 'ß', '€', '中', 0x1F600, 0x10348};
    StringBuilder line = new StringBuilder();
    int n = 1 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      line.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
    }
    String text = line.toString();
    int utf16 = 0;
    while (utf16 <= text.length()) {
      int bytes = text.substring(0, utf16).getBytes(StandardCharsets.UTF_8).length;
      assertThat(FileScan.utf16Column(text, bytes))
          .as("%s at %d", text, utf16)
          .isEqualTo(utf16 + 1);
      if (utf16 == text.length()) {
        break;
      }
      utf16 += Character.charCount(text.codePointAt(utf16));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reportedColumnsPointAtTheCodeAfterNonAsciiText(long seed) {
    Random random = new Random(seed);
    String pad =
        IntStream.range(0, 1 + random.nextInt(5)).mapToObj(i -> "é€😀").reduce("", String::concat);
    String source = "_n = 0\n\n\ndef bump():\n    global _n\n    s = '" + pad + "'; _n += 1\n";
    AnalysisResult r =
        PyFixtures.analyzer()
            .analyze(
                List.of(
                    new SourceFile(
                        "m.py", Path.of("m.py"), source.getBytes(StandardCharsets.UTF_8))),
                new AnalysisContext(PyFixtures.allPythonRules(), "3.11", 1));
    Finding f = PyFixtures.at(r, "m.py", 6, "FT101");
    String line = f.snippet();
    assertThat(line.substring(f.span().column() - 1, f.span().endColumn() - 1))
        .isEqualTo("_n += 1");
  }
}
