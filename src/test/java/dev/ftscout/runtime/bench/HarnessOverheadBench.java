package dev.ftscout.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.Progress;
import dev.ftscout.runtime.discovery.DiscoveryRoots;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.discovery.PythonEnvironment;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import dev.ftscout.testing.TestVenvs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our bench harness against pyperf (pip-installed, {@code venvs/pyperf-bench.txt}) timing the same
 * function (one nbody unit of size 400, about 0.1 s) on the same interpreter in the same run, with
 * the same number of processes, values and warm-ups (pyperf with {@code --loops 1}, so both time
 * one call per value). Reports both medians and both wall times. Run: {@code ./mvnw -B -Pbench test
 * -Dtest=HarnessOverheadBench}.
 */
@Tag("bench")
class HarnessOverheadBench {
  private static final int PROCESSES = 6;
  private static final int VALUES = 5;
  private static final int WARMUPS = 1;

  @TempDir Path tmp;
  private final ProcessRunner runner = new ProcessRunner();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void ourHarnessAgainstPyperf() throws Exception {
    TestVenvs.Venv venv = TestVenvs.venv("pyperf-bench");
    Path harness = tmp.resolve("ftscout_bench.py");
    try (InputStream in = Bench.class.getResourceAsStream("ftscout_bench.py")) {
      Files.write(harness, in.readAllBytes());
    }
    Files.writeString(
        tmp.resolve("pyperf_nbody.py"),
        """
        import sys
        sys.path.insert(0, %s)
        import pyperf
        import ftscout_bench
        runner = pyperf.Runner()
        runner.bench_func("nbody", ftscout_bench.nbody, 400)
        """
            .formatted(json.writeValueAsString(tmp.toString())));
    Map<String, String> env = PythonEnvironment.clean(System.getenv());
    StringBuilder report = new StringBuilder();
    List<double[]> rounds = new ArrayList<>();
    // Alternate the two, five rounds each, so drifts of a shared machine hit both alike.
    for (int round = 0; round < 5; round++) {
      Path out = tmp.resolve("pyperf-" + round + ".json");
      long started = System.nanoTime();
      ProcessResult r =
          runner.run(
              ProcessSpec.of(
                      List.of(
                          venv.python().toString(),
                          tmp.resolve("pyperf_nbody.py").toString(),
                          "--processes",
                          String.valueOf(PROCESSES),
                          "--values",
                          String.valueOf(VALUES),
                          "--warmups",
                          String.valueOf(WARMUPS),
                          "--loops",
                          "1",
                          "--quiet",
                          "-o",
                          out.toString()),
                      env,
                      tmp)
                  .withTimeout(Duration.ofMinutes(10)));
      double pyperfWall = (System.nanoTime() - started) / 1e9;
      assertThat(r.succeeded()).as(r.stderr()).isTrue();
      List<Double> pyperfValues = new ArrayList<>();
      for (JsonNode run :
          json.readTree(Files.readString(out)).path("benchmarks").get(0).path("runs")) {
        if (run.path("metadata").path("calibrate_loops").isMissingNode()) {
          run.path("values").forEach(v -> pyperfValues.add(v.asDouble()));
        }
      }
      started = System.nanoTime();
      BenchEvidence ours =
          new Bench(
                  runner,
                  new InterpreterDiscovery(runner, DiscoveryRoots.ofSystem(), tmp),
                  System.getenv())
              .run(
                  BenchRequest.defaults(tmp)
                      .with(List.of("nbody"), List.of(venv.python()), List.of(1))
                      .withRepetitions(PROCESSES, VALUES, WARMUPS)
                      .withWork(1, 5.0, false),
                  Progress.none());
      double oursWall = (System.nanoTime() - started) / 1e9;
      BenchEvidence.Point p = ours.workloads().get(0).series().get(0).points().get(0);
      double pyperfMedian = Stats.median(pyperfValues);
      rounds.add(new double[] {p.median(), pyperfMedian, oursWall, pyperfWall});
      report.append(
          String.format(
              Locale.ROOT,
              "round %d: ours median %.4f s (%d values, wall %.1f s)  pyperf median %.4f s (%d values,"
                  + " wall %.1f s)  ours/pyperf time %.3f  wall %.2f%n",
              round + 1,
              p.median(),
              p.values().size(),
              oursWall,
              pyperfMedian,
              pyperfValues.size(),
              pyperfWall,
              p.median() / pyperfMedian,
              oursWall / pyperfWall));
    }
    double timeRatio = Stats.median(rounds.stream().map(r -> r[0] / r[1]).toList());
    double wallRatio = Stats.median(rounds.stream().map(r -> r[2] / r[3]).toList());
    report.append(
        String.format(
            Locale.ROOT,
            "median over rounds: reported time ours/pyperf %.3f (target within 0.98-1.02), wall"
                + " ours/pyperf %.2f (target <= 1)%n",
            timeRatio,
            wallRatio));
    System.out.println(report);
    Files.writeString(TestVenvs.basedir().resolve("target/harness-overhead-bench.txt"), report);
  }
}
