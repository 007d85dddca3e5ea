package dev.ftscout.cext;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz tests: random bytes into the C lexer and parser, the Rust lexer, and the Cython and
 * build-file readers must never throw or hang. In a normal build they run in regression mode over
 * the committed seeds ({@code CextFuzzTestInputs/<method>/}); {@code JAZZER_FUZZ=1} fuzzes.
 */
class CextFuzzTest {
  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void cLexerAndParser(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    CSource source = CLexer.lex(text, data.length % 2 == 0);
    CParser.parse("fuzz.c", source, data.length % 3 == 0, false);
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void rustLexer(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    RustFile.of("fuzz.rs", RustLexer.lex(text));
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void cythonAndBuildFiles(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    CythonFile.of("fuzz.pyx", PyishLexer.lex(text));
    for (BuildFile.Kind kind : BuildFile.Kind.values()) {
      BuildFiles.read("fuzz", kind, text);
    }
  }
}
