package dev.ftscout.runtime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The warning and -v texts exactly as facts.md quotes them for 3.13 and 3.14. */
class GilEvidenceTest {
  private static final String FACTS_TEXT =
      "The global interpreter lock (GIL) has been enabled to load module '<dotted.name>', which has"
          + " not declared that it can run safely without the GIL. To override this behavior and"
          + " keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0.";

  @ParameterizedTest
  @ValueSource(ints = {488, 491})
  void readsTheWarningAsPrintedByEachVersion(int line) {
    for (String module : new String[] {"lxml.etree", "orjson.orjson", "triton._C.libtriton"}) {
      String text = FACTS_TEXT.replace("<dotted.name>", module);
      String printed = "<frozen importlib._bootstrap>:" + line + ": RuntimeWarning: " + text;
      assertThat(GilEvidence.moduleFromWarning(text)).contains(module);
      assertThat(GilEvidence.moduleFromWarning(printed)).contains(module);
      assertThat(GilEvidence.warningText(module)).isEqualTo(text);
    }
  }

  @Test
  void readsTheVerboseLine() {
    assertThat(
            GilEvidence.moduleFromVerboseLine(
                "# loading module 'lxml.etree', which requires the GIL"))
        .contains("lxml.etree");
    assertThat(GilEvidence.verboseLine("a.b"))
        .isEqualTo("# loading module 'a.b', which requires the GIL");
    assertThat(GilEvidence.moduleFromVerboseLine("# extension module 'x' loaded from '/x.so'"))
        .isEmpty();
    assertThat(GilEvidence.moduleFromWarning("RuntimeWarning: something else about 'x'")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 14, 15, 92, 65, 35})
  void roundTripsRandomDottedNames(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      StringBuilder name = new StringBuilder();
      int parts = 1 + random.nextInt(4);
      for (int p = 0; p < parts; p++) {
        if (p > 0) {
          name.append('.');
        }
        name.append((char) ('a' + random.nextInt(26)));
        for (int c = random.nextInt(12); c > 0; c--) {
          name.append("abcxyz_0189ABZ".charAt(random.nextInt(14)));
        }
      }
      String module = name.toString();
      assertThat(GilEvidence.moduleFromWarning(GilEvidence.warningText(module))).contains(module);
      assertThat(GilEvidence.moduleFromVerboseLine(GilEvidence.verboseLine(module)))
          .contains(module);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void parsersNeverThrowAndOnlyNameWhatIsQuoted(byte[] input) {
    String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    GilEvidence.moduleFromWarning(text).ifPresent(m -> assertThat(text).contains("'" + m + "'"));
    GilEvidence.moduleFromVerboseLine(text)
        .ifPresent(m -> assertThat(text).contains("'" + m + "'"));
  }
}
