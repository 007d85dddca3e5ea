package dev.ftscout.runtime.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
  @TempDir Path tmp;

  private DoctorReport doctor(Map<String, String> env) {
    return new Doctor(
            new InterpreterDiscovery(
                new ProcessRunner(), new DiscoveryRoots(env, tmp.resolve("home"), false), tmp))
        .examine();
  }

  private Pythons.Python anyPython() {
    return Pythons.newest()
        .orElseGet(() -> {
          Assumptions.abort("no CPython interpreter found");
          throw new IllegalStateException();
        });
  }

  @Test
  void withoutAFreeThreadedInterpreterSaysSoAndHowToGetOne() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("python3"), anyPython().executable());
    DoctorReport r = doctor(Map.of("PATH", bin.toString()));
    assertThat(r.interpreters()).hasSize(1);
    assertThat(r.freeThreadedFound()).isFalse();
    assertThat(r.recommended()).isEmpty();
    assertThat(r.advice())
        .anyMatch(a -> a.contains("uv python install 3.14t"))
        .anyMatch(a -> a.contains("python-freethreading"))
        .anyMatch(a -> a.contains("share one site-packages"));
  }

  @Test
  void recommendsTheFreeThreadedOneAndWarnsAboutAGilBuildNamedExplicitly() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    FreeThreadedTestDouble dbl = FreeThreadedTestDouble.create(bin);
    Path gil = Files.createSymbolicLink(tmp.resolve("python-gil"), anyPython().executable());
    DoctorReport r =
        doctor(Map.of("PATH", bin.toString(), DiscoveryRoots.FT_PYTHON_VARIABLE, gil.toString()));
    assertThat(r.freeThreadedFound()).isTrue();
    assertThat(r.recommended()).map(Interpreter::path).contains(dbl.executable());
    assertThat(r.advice()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("not a free-threaded build");
  }

  @Test
  void freeThreadedInterpreterStartedWithTheGilOnIsFlagged() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    FreeThreadedTestDouble.create(bin);
    // PYTHON_GIL is removed from what ftscout passes on, so the double starts with the GIL off.
    DoctorReport r = doctor(Map.of("PATH", bin.toString(), "PYTHON_GIL", "1"));
    assertThat(r.interpreters().get(0).gilEnabled()).contains(false);
    assertThat(r.warnings()).isEmpty();
  }
}
