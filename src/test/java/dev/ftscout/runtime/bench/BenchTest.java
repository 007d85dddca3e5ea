package dev.ftscout.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.BenchEvidence.Mode;
import dev.ftscout.model.Progress;
import dev.ftscout.runtime.discovery.DiscoveryRoots;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.testing.Pythons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftscout bench} end to end with tiny iteration counts: every built-in workload on a real
 * interpreter, threads and processes; a GIL build against the free-threaded test double for the
 * tax; a user workload. Only the shape of the results is asserted, never a timing.
 */
class BenchTest {
  @TempDir Path tmp;

  private Bench bench() {
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin");
    ProcessRunner processes = new ProcessRunner();
    return new Bench(
        processes,
        new InterpreterDiscovery(
            processes, new DiscoveryRoots(env, tmp.resolve("home"), false), tmp),
        env);
  }

  private static Pythons.Python python() {
    return Pythons.forVenvs()
        .orElseGet(() -> {
          Assumptions.abort("no CPython interpreter found");
          throw new IllegalStateException();
        });
  }

  private BenchRequest tiny() {
    return BenchRequest.defaults(tmp).withRepetitions(1, 2, 0).withWork(4, 0.02, true);
  }

  @Test
  void everyBuiltInWorkloadInThreadsAndProcesses() throws BenchException {
    Pythons.Python python = python();
    BenchEvidence e =
        bench()
            .run(
                tiny().with(List.of(), List.of(python.executable()), List.of(1, 2)),
                Progress.none());
    assertThat(e.workloads())
        .extracting(BenchEvidence.Workload::name)
        .isEqualTo(BenchRequest.BUILT_IN);
    for (BenchEvidence.Workload w : e.workloads()) {
      assertThat(w.description()).isNotBlank();
      assertThat(w.series())
          .extracting(BenchEvidence.Series::mode)
          .containsExactly(Mode.THREADS, Mode.PROCESSES);
      for (BenchEvidence.Series s : w.series()) {
        assertThat(s.points()).extracting(BenchEvidence.Point::workers).containsExactly(1, 2);
        assertThat(s.serialFraction()).isPresent();
        for (BenchEvidence.Point p : s.points()) {
          assertThat(p.values()).hasSize(2).allMatch(v -> v > 0);
          assertThat(p.median()).isBetween(p.min(), p.max());
          assertThat(p.peakRssKb()).isPositive();
          assertThat(p.gc().isPresent()).isEqualTo(s.mode() == Mode.THREADS);
        }
      }
    }
    assertThat(e.taxes()).isEmpty();
    assertThat(e.notes()).anyMatch(n -> n.startsWith("only GIL builds were measured"));
  }

  @Test
  void taxOfTheFreeThreadedDoubleAgainstItsGilBase() throws BenchException {
    Pythons.Python python = python();
    FreeThreadedTestDouble ft =
        FreeThreadedTestDouble.create(
            tmp.resolve("ft"),
            "python" + python.version() + "t",
            python,
            FreeThreadedTestDouble.Variant.PY314,
            FreeThreadedTestDouble.Options.defaults());
    BenchEvidence e =
        bench()
            .run(
                tiny()
                    .with(
                        List.of("nbody"),
                        List.of(python.executable(), ft.executable()),
                        List.of(1, 2))
                    .withWork(4, 0.02, false),
                Progress.none());
    assertThat(e.interpreters())
        .extracting(BenchEvidence.Interpreter::label)
        .containsExactly(python.version(), python.version() + "t");
    assertThat(e.taxes())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.workload()).isEqualTo("nbody");
          assertThat(t.freeThreaded()).isEqualTo(python.version() + "t");
          assertThat(t.gil()).isEqualTo(python.version());
          assertThat(t.timeRatio()).isPositive();
          assertThat(t.memoryRatio()).isPositive();
        });
  }

  @Test
  void userWorkloadsAsModuleFunctionAndScript() throws Exception {
    Files.writeString(
        tmp.resolve("mywork.py"),
        "def crunch():\n    \"\"\"Sums squares.\"\"\"\n    return sum(i * i for i in range(2000))\n");
    Files.writeString(tmp.resolve("job.py"), "total = sum(range(5000))\n");
    BenchEvidence e =
        bench()
            .run(
                tiny()
                    .with(
                        List.of("mywork:crunch", "job.py"),
                        List.of(python().executable()),
                        List.of(1, 2))
                    .withWork(4, 1, false),
                Progress.none());
    assertThat(e.workloads())
        .extracting(BenchEvidence.Workload::description)
        .containsExactly("Sums squares.", "script job.py");
  }

  @Test
  void aFailingWorkloadIsAClearError() throws Exception {
    Files.writeString(tmp.resolve("broken.py"), "def go():\n    raise ValueError('nope')\n");
    BenchRequest request =
        tiny()
            .with(List.of("broken:go"), List.of(python().executable()), List.of(1))
            .withWork(1, 1, false);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bench().run(request, Progress.none()))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("workload broken:go failed")
        .hasMessageContaining("ValueError: nope");
  }
}
