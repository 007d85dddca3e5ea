package dev.ftscout.rules.python;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FT106RefcountGcAssumptionTest {
  static Stream<Path> fixtures() {
    return PyFixtures.of("FT106").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path fixture) {
    PyFixtures.check(fixture);
  }
}
