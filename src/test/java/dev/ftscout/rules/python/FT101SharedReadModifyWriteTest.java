package dev.ftscout.rules.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import dev.ftscout.rules.AnalysisResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FT101SharedReadModifyWriteTest {
  static Stream<Path> fixtures() {
    return PyFixtures.of("FT101").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path fixture) {
    PyFixtures.check(fixture);
  }

  @Test
  void aThreadEntryPointRaisesTheSeverityOfWhatItReachesAcrossModules() {
    AnalysisResult r = PyFixtures.check(PyFixtures.folder("FT101").resolve("bad_threaded"));
    Finding reached = PyFixtures.at(r, "counters.py", 6, "FT101");
    Finding unreached = PyFixtures.at(r, "counters.py", 11, "FT101");
    assertThat(reached.severity()).isEqualTo(Severity.WARNING);
    assertThat(reached.message()).endsWith("(reachable from a thread entry point)");
    assertThat(unreached.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void entryPointsThroughMethodsPoolsAndLambdasAreFollowed() {
    String source =
        """
        import asyncio
        import threading
        from concurrent.futures import ThreadPoolExecutor

        _n = 0
        _m = 0
        _k = 0


        def bump():
            global _n
            _n += 1


        def bump_m():
            global _m
            _m += 1


        def bump_k():
            global _k
            _k += 1


        class Worker(threading.Thread):
            def run(self):
                self.step()

            def step(self):
                bump()


        def fan_out(items):
            with ThreadPoolExecutor(max_workers=4) as ex:
                ex.map(lambda i: bump_m(), items)


        async def offload():
            await asyncio.to_thread(bump_k)
        """;
    AnalysisResult r = PyFixtures.analyze(Map.of("app.py", source), "3.12");
    assertThat(PyFixtures.at(r, "app.py", 12, "FT101").severity()).isEqualTo(Severity.WARNING);
    assertThat(PyFixtures.at(r, "app.py", 17, "FT101").severity()).isEqualTo(Severity.WARNING);
    assertThat(PyFixtures.at(r, "app.py", 22, "FT101").severity()).isEqualTo(Severity.WARNING);
    assertThat(r.concurrency().counts())
        .containsEntry(dev.ftscout.model.ConcurrencyFacts.Kind.THREADING, 1)
        .containsEntry(dev.ftscout.model.ConcurrencyFacts.Kind.THREAD_POOL, 3);
  }

  @Test
  void withoutAnEntryPointTheSameCodeIsInfo() {
    AnalysisResult r =
        PyFixtures.analyze(
            Map.of("lib.py", "_n = 0\n\n\ndef bump():\n    global _n\n    _n += 1\n"), "3.12");
    assertThat(PyFixtures.at(r, "lib.py", 6, "FT101").severity()).isEqualTo(Severity.INFO);
    assertThat(r.concurrency().signals()).isEmpty();
  }
}
