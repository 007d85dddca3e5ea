package dev.ftscout.rules.cext;

import dev.ftscout.rules.FixtureHarness;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FT202BorrowedReferenceApiTest {
  static Stream<Path> fixtures() {
    return Fixtures.of("FT202").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path fixture) {
    FixtureHarness.assertMatches(Fixtures.analyzer(), fixture, Fixtures.allExtensionRules());
  }
}
