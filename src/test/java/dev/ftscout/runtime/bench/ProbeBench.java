package dev.ftscout.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.runtime.discovery.DiscoveryRoots;
import dev.ftscout.runtime.discovery.Doctor;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.discovery.PythonEnvironment;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble;
import dev.ftscout.runtime.probe.ModuleResult;
import dev.ftscout.runtime.probe.Probe;
import dev.ftscout.runtime.probe.ProbeException;
import dev.ftscout.runtime.probe.ProbeRequest;
import dev.ftscout.runtime.probe.ProbeResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import dev.ftscout.runtime.render.RuntimeText;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe speed on a venv of ~150 real distributions ({@code
 * src/test/resources/venvs/probe-bench.txt}) against the naive approach (one fresh interpreter per
 * module), measured in the same run, on the real GIL interpreter (dry run) and on the free-threaded
 * test double. Also prints real doctor and probe output for docs/runtime.md. Run: {@code ./mvnw -B
 * -Pbench test -Dtest=ProbeBench}.
 */
@Tag("bench")
class ProbeBench {
  @TempDir Path tmp;
  private final ProcessRunner runner = new ProcessRunner();

  @Test
  void probeVersusOneInterpreterPerModule() throws ProbeException, IOException {
    TestVenvs.Venv venv = TestVenvs.venv("probe-bench");
    Pythons.Python base = Pythons.forVenvs().orElseThrow();
    Map<String, String> env = System.getenv();
    InterpreterDiscovery discovery =
        new InterpreterDiscovery(runner, DiscoveryRoots.ofSystem(), tmp);
    Probe probe = new Probe(runner, discovery, env);
    RuntimeText text = new RuntimeText();
    StringBuilder report = new StringBuilder();
    report
        .append("$ ftscout doctor\n")
        .append(text.doctor(new Doctor(discovery).examine()))
        .append('\n');

    ProbeRequest gilRun =
        ProbeRequest.defaults()
            .withEnvironment(venv.dir())
            .withExtensionModules(false)
            .withAllowGilBuild(true);
    // Warm-up: the first import of a large venv pays for a cold page cache, whichever way it runs.
    probe.run(gilRun);
    ProbeResult gil = probe.run(gilRun);
    List<String> modules = gil.modules().stream().map(ModuleResult::module).toList();
    long distributions;
    try (var entries = Files.list(venv.sitePackages())) {
      distributions =
          entries.filter(p -> p.getFileName().toString().endsWith(".dist-info")).count();
    }
    double naiveGil = naive(venv.python(), modules);
    report
        .append("$ ftscout probe --env probe-bench --allow-gil-build\n")
        .append(text.probe(gil))
        .append('\n');

    FreeThreadedTestDouble dbl =
        FreeThreadedTestDouble.create(
            tmp.resolve("ft"),
            "python" + base.version() + "t",
            base,
            FreeThreadedTestDouble.Variant.PY314,
            FreeThreadedTestDouble.Options.defaults());
    ProbeRequest ftRun =
        ProbeRequest.defaults()
            .withPython(dbl.executable())
            .withEnvironment(venv.dir())
            .withExtensionModules(false);
    ProbeResult ft = probe.run(ftRun);
    ProbeResult ft2 = probe.run(ftRun.withJobs(2));
    ProbeResult ftAll = probe.run(ftRun.withExtensionModules(true));
    double naiveFt = naive(dbl.executable(), modules);
    report
        .append("$ ftscout probe --python ")
        .append(dbl.executable().getFileName())
        .append(" (TEST DOUBLE) --env probe-bench\n")
        .append(text.probe(ft))
        .append('\n');

    String figures =
        String.format(
            java.util.Locale.ROOT,
            """
            distributions installed: %d; top-level modules probed: %d
            GIL %s dry run:  probe %.1f s (%d workers)  naive %.1f s (%d processes)  speed-up %.1fx
            FT double:         probe %.1f s (%d workers)  naive %.1f s (%d processes)  speed-up %.1fx
            FT double, 2 jobs: probe %.1f s (%d workers)  speed-up vs naive %.1fx
            FT double, with %d extension modules too: probe %.1f s (%d workers), %d culprits named
            FT double probe time: %.1f s importing (sum of the per-module import times measured in \
            the worker), %.1f s everything else (inspection, inventory, worker start, protocol)
            """,
            distributions,
            modules.size(),
            base.version(),
            secs(gil.wallTime()),
            gil.workerProcesses(),
            naiveGil,
            modules.size(),
            naiveGil / secs(gil.wallTime()),
            secs(ft.wallTime()),
            ft.workerProcesses(),
            naiveFt,
            modules.size(),
            naiveFt / secs(ft.wallTime()),
            secs(ft2.wallTime()),
            ft2.workerProcesses(),
            naiveFt / secs(ft2.wallTime()),
            ftAll.modules().size() - modules.size(),
            secs(ftAll.wallTime()),
            ftAll.workerProcesses(),
            ftAll.culprits().size(),
            importSeconds(ft),
            secs(ft.wallTime()) - importSeconds(ft));
    report.append(figures);
    System.out.println(report);
    Files.writeString(TestVenvs.basedir().resolve("target/probe-bench.txt"), report);
    assertThat(ft.culprits()).isNotEmpty();
  }

  private static double importSeconds(ProbeResult r) {
    return r.modules().stream().mapToDouble(m -> secs(m.duration())).sum();
  }

  private static double secs(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** One fresh interpreter per module: the baseline. */
  private double naive(Path python, List<String> modules) throws IOException {
    Map<String, String> env = PythonEnvironment.clean(System.getenv());
    long start = System.nanoTime();
    for (String m : modules) {
      runner.run(
          ProcessSpec.of(List.of(python.toString(), "-c", "import " + m), env, tmp)
              .withTimeout(Duration.ofSeconds(60)));
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
