package dev.ftscout.rules.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.rules.AnalysisResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FT104ProcessGlobalStateTest {
  static Stream<Path> fixtures() {
    return PyFixtures.of("FT104").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path fixture) {
    PyFixtures.check(fixture);
  }

  /** typing.py rebinds names to themselves; following such bindings once looped for ever. */
  @Test
  void selfReferentialBindingsEndTheSearchForADecimalContext() {
    String source =
        """
        import decimal


        def narrow(ctx, other):
            ctx = ctx
            other, ctx = ctx, other
            ctx.prec = 3
            local = decimal.getcontext()
            alias = local
            alias.prec = 4
        """;
    AnalysisResult r = PyFixtures.analyze(Map.of("m.py", source), "3.12");
    assertThat(r.skipped()).isEmpty();
    assertThat(r.findings()).isEmpty();
  }
}
