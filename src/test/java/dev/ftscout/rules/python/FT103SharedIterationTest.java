package dev.ftscout.rules.python;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FT103SharedIterationTest {
  static Stream<Path> fixtures() {
    return PyFixtures.of("FT103").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path fixture) {
    PyFixtures.check(fixture);
  }
}
