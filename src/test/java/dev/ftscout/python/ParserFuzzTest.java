package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Unparser;
import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever bytes come in, the front end answers with a result: never an exception, never a hang.
 * The Jazzer fuzz test runs its seed inputs ({@code ParserFuzzTestInputs/}) in the normal build and
 * fuzzes with {@code JAZZER_FUZZ=1}; the seeded mutation test does the same to real files on every
 * build.
 */
class ParserFuzzTest {
  private final PythonParser parser = new PythonParser();

  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void parseNeverThrows(byte[] input) {
    check(input);
  }

  private void check(byte[] input) {
    ParseResult r = parser.parse("fuzz.py", input, PythonVersion.LATEST);
    assertThat(r.module()).isNotNull();
    for (SyntaxError e : r.errors()) {
      assertThat(e.line()).isPositive();
      assertThat(e.message()).isNotBlank();
    }
    SymbolTable table = SymbolTable.build(r.module());
    assertThat(table.module()).isNotNull();
    TreeWalker.builder().listener(new TreeWalker.Listener() {}).build().walk(r.module(), table);
    if (r.ok()) {
      String source = Unparser.unparse(r.module());
      ParseResult again = parser.parse("unparsed.py", source, PythonVersion.LATEST);
      assertThat(again.errors()).as("unparsed:%n%s", source).isEmpty();
      assertThat(AstText.of(again.module(), false).text())
          .isEqualTo(AstText.of(r.module(), false).text());
    }
  }

  /** Random byte edits of real standard library files: inserted, deleted and flipped bytes. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void mutatedRealFilesNeverBreakTheFrontEnd(long seed) throws IOException {
    Pythons.Python py =
        Pythons.newest()
            .orElseThrow(() -> {
              Assumptions.abort("no CPython installed to take standard library files from");
              return new IllegalStateException();
            });
    List<Path> files = Corpus.pythonFiles(Corpus.stdlib(py).resolve("json"), true);
    files = new java.util.ArrayList<>(files);
    files.addAll(Corpus.pythonFiles(Corpus.stdlib(py).resolve("email"), true));
    Random random = new Random(seed);
    String punctuation = "()[]{}:;,.'\"\\#\n\t @=*fbrtu0x_\u00e9";
    for (int round = 0; round < 40; round++) {
      byte[] bytes = Files.readAllBytes(files.get(random.nextInt(files.size())));
      int edits = 1 + random.nextInt(8);
      for (int e = 0; e < edits && bytes.length > 2; e++) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(3)) {
          case 0 -> bytes[at] = (byte) random.nextInt(256);
          case 1 -> bytes[at] = (byte) punctuation.charAt(random.nextInt(punctuation.length()));
          default -> {
            byte[] shorter = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, shorter, 0, at);
            System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
            bytes = shorter;
          }
        }
      }
      check(bytes);
    }
  }
}
