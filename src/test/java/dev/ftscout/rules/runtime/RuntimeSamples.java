package dev.ftscout.rules.runtime;

import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.model.TestEvidence.Category;
import dev.ftscout.model.TestEvidence.Configuration;
import dev.ftscout.model.TestEvidence.Kind;
import dev.ftscout.model.TestEvidence.Outcome;
import dev.ftscout.runtime.discovery.Interpreter;
import dev.ftscout.runtime.discovery.Origin;
import dev.ftscout.runtime.probe.GilCulprit;
import dev.ftscout.runtime.probe.ModuleResult;
import dev.ftscout.runtime.probe.ModuleStatus;
import dev.ftscout.runtime.probe.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fixed runtime evidence as the probe, test runner and bench produce it, with the texts CPython
 * writes, for rule tests and writer goldens (which need the same input on every machine).
 */
public final class RuntimeSamples {
  private RuntimeSamples() {}

  public static final Path ROOT = Path.of("/project");

  public static Interpreter interpreter(boolean freeThreaded) {
    return new Interpreter(
        Path.of(freeThreaded ? "/opt/py/bin/python3.14t" : "/opt/py/bin/python3.14"),
        freeThreaded ? "/opt/py/bin/python3.14t" : "/opt/py/bin/python3.14",
        "3.14.0",
        3,
        14,
        "cpython",
        freeThreaded,
        Optional.of(false),
        freeThreaded ? "t" : "",
        freeThreaded ? ".cpython-314t-x86_64-linux-gnu.so" : ".cpython-314-x86_64-linux-gnu.so",
        true,
        false,
        "/opt/py",
        List.of(new Origin(Origin.Kind.PATH, "/opt/py/bin")));
  }

  public static final String LXML_WARNING =
      "<frozen importlib._bootstrap>:491: RuntimeWarning: The global interpreter lock (GIL) has"
          + " been enabled to load module 'lxml.etree', which has not declared that it can run"
          + " safely without the GIL. To override this behavior and keep the GIL disabled (at your"
          + " own risk), run with PYTHON_GIL=0 or -Xgil=0.";

  private static ModuleResult module(
      String name,
      ModuleStatus status,
      String dist,
      String version,
      String evidence,
      List<GilCulprit> culprits) {
    return new ModuleResult(
        name,
        name.contains(".") ? ModuleResult.Kind.EXTENSION : ModuleResult.Kind.TOP_LEVEL,
        status,
        dist.isEmpty() ? Optional.empty() : Optional.of(dist),
        version.isEmpty() ? Optional.empty() : Optional.of(version),
        evidence,
        Duration.ofMillis(12),
        culprits);
  }

  /** A free-threaded probe of a project venv: one OK, two culprits, a failure, a crash, a hang. */
  public static ProbeResult probe(ProbeResult.Mode mode) {
    GilCulprit lxml =
        new GilCulprit("lxml.etree", Optional.of("lxml"), Optional.of("6.1.1"), LXML_WARNING);
    GilCulprit yaml =
        new GilCulprit(
            "yaml._yaml",
            Optional.of("PyYAML"),
            Optional.of("6.0.2"),
            "# loading module 'yaml._yaml', which requires the GIL");
    boolean ft = mode == ProbeResult.Mode.FREE_THREADED;
    String site = "/project/.venv/lib/python3.14t/site-packages/";
    return new ProbeResult(
        interpreter(ft),
        mode,
        Optional.of("/project/.venv"),
        List.of(
            module(
                "lxml",
                ft ? ModuleStatus.REENABLES_GIL : ModuleStatus.OK,
                "lxml",
                "6.1.1",
                ft ? LXML_WARNING : "imported",
                ft ? List.of(lxml) : List.of()),
            module(
                "numpy",
                ModuleStatus.OK,
                "numpy",
                "2.3.1",
                "imported; the GIL stayed disabled",
                List.of()),
            module(
                "oldcrypto",
                ModuleStatus.IMPORT_FAILED,
                "oldcrypto",
                "0.9",
                "ImportError: libcrypto.so.1.1: cannot open shared object file",
                List.of()),
            module(
                "segv._boom",
                ModuleStatus.CRASHED,
                "segfault-ext",
                "0.1",
                "worker killed by signal 11 (SIGSEGV) while importing segv._boom: Fatal Python error: Segmentation fault",
                List.of()),
            module(
                "slowpkg",
                ModuleStatus.TIMED_OUT,
                "",
                "",
                "import did not finish within 30 s; worker killed",
                List.of()),
            module(
                "yaml",
                ft ? ModuleStatus.REENABLES_GIL : ModuleStatus.OK,
                "PyYAML",
                "6.0.2",
                ft ? yaml.evidence() : "imported",
                ft ? List.of(yaml) : List.of())),
        3,
        Duration.ofMillis(2345),
        List.of(
            ft
                ? "culprits named by CPython's -v 'requires the GIL' lines and the GIL warning"
                : "dry run on a GIL build: only importability, crashes and timeouts were tested"),
        Map.of(
            "lxml", Path.of(site + "lxml-6.1.1.dist-info/METADATA"),
            "PyYAML", Path.of(site + "PyYAML-6.0.2.dist-info/METADATA"),
            "oldcrypto", Path.of(site + "oldcrypto-0.9.dist-info/METADATA"),
            "segfault-ext", Path.of(site + "segfault_ext-0.1.dist-info/METADATA")));
  }

  private static Configuration config(
      String label, boolean ft, boolean gil0, int threads, Map<String, Integer> counts) {
    return new Configuration(
        label,
        ft ? "/opt/py/bin/python3.14t" : "/opt/py/bin/python3.14",
        ft ? "3.14t" : "3.14",
        ft,
        gil0,
        threads,
        threads > 1 ? 5 : 1,
        1,
        counts,
        threads > 1 ? 5400 : 900,
        threads > 1 ? List.of(-11, 1, 1) : List.of(0));
  }

  /** A test run with one problem of every kind. */
  public static TestEvidence tests() {
    return new TestEvidence(
        List.of("python", "-m", "pytest", "tests"),
        "pytest",
        List.of(
            config("gil-3.14", false, false, 1, Map.of("passed", 6)),
            config("ft-3.14t", true, false, 1, Map.of("passed", 5, "failed", 1)),
            config("ft-3.14t-gil0", true, true, 1, Map.of("passed", 6)),
            config(
                "stress-3.14t",
                true,
                false,
                4,
                Map.of("passed", 1, "failed", 2, "crashed", 1, "hung", 1))),
        List.of(
            new TestEvidence.TestOutcomes(
                "tests/test_counter.py::test_increment",
                Map.of(
                    "gil-3.14", List.of(Outcome.PASSED),
                    "ft-3.14t", List.of(Outcome.PASSED),
                    "ft-3.14t-gil0", List.of(Outcome.PASSED),
                    "stress-3.14t", List.of(Outcome.FAILED))),
            new TestEvidence.TestOutcomes(
                "tests/test_legacy.py::test_import",
                Map.of(
                    "gil-3.14", List.of(Outcome.PASSED),
                    "ft-3.14t", List.of(Outcome.FAILED),
                    "ft-3.14t-gil0", List.of(Outcome.PASSED)))),
        List.of(
            new TestEvidence.Problem(
                "tests/test_legacy.py::test_import",
                Kind.FAILS_FREE_THREADED,
                Category.GIL_WARNING,
                "RuntimeWarning",
                "ft-3.14t",
                "RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module"
                    + " '_legacy', which has not declared that it can run safely without the GIL.",
                List.of("tests/test_legacy.py"),
                7,
                "",
                List.of()),
            new TestEvidence.Problem(
                "tests/test_counter.py::test_increment",
                Kind.FAILS_UNDER_STRESS,
                Category.ASSERTION,
                "AssertionError",
                "stress-3.14t",
                "AssertionError: assert 612 == 800",
                List.of("tests/test_counter.py", "racedemo/counter.py"),
                6,
                "",
                List.of("racedemo/counter.py:21:9 FT101")),
            new TestEvidence.Problem(
                "tests/test_cache.py::test_once",
                Kind.FLAKY,
                Category.ASSERTION,
                "AssertionError",
                "stress-3.14t",
                "outcomes across repeats: passed, failed; first failure: AssertionError: assert 2 == 1",
                List.of("tests/test_cache.py"),
                8,
                "",
                List.of()),
            new TestEvidence.Problem(
                "tests/test_transfer.py::test_both_ways",
                Kind.HANGS,
                Category.TIMEOUT,
                "",
                "stress-3.14t",
                "did not finish within 3 s; faulthandler dumped every thread",
                List.of("tests/test_transfer.py", "racedemo/bank.py"),
                11,
                "Timeout (0:00:03)!\nThread 0x00007f1f0cecc6c0 (most recent call first):\n"
                    + "  File \"/project/racedemo/bank.py\", line 15 in transfer",
                List.of()),
            new TestEvidence.Problem(
                "tests/test_native.py::test_buffer",
                Kind.CRASHES,
                Category.CRASH,
                "",
                "stress-3.14t",
                "the interpreter died (killed by signal 11 (SIGSEGV)): Fatal Python error:"
                    + " Segmentation fault",
                List.of("tests/test_native.py"),
                4,
                "Fatal Python error: Segmentation fault",
                List.of())),
        List.of(
            new TestEvidence.SingleThreaded(
                "tests/test_environment.py::test_env",
                "marked thread_unsafe (changes os.environ)")),
        List.of("ft-3.14t: the GIL was re-enabled during tests/test_legacy.py::test_import"));
  }

  private static BenchEvidence.Point point(int workers, double median, long rss, boolean gc) {
    return new BenchEvidence.Point(
        workers,
        median,
        median * 0.01,
        median * 0.98,
        median * 1.03,
        List.of(median * 0.98, median, median * 1.03),
        rss,
        false,
        gc ? Optional.of(new BenchEvidence.GcPauses(4, 2.5, 1.25, 0.5)) : Optional.empty());
  }

  /** A GIL and a free-threaded interpreter on one workload, threads and processes. */
  public static BenchEvidence bench() {
    return new BenchEvidence(
        List.of(
            new BenchEvidence.Interpreter("3.14", "/opt/py/bin/python3.14", "3.14.0", false),
            new BenchEvidence.Interpreter("3.14t", "/opt/py/bin/python3.14t", "3.14.0", true)),
        List.of(
            new BenchEvidence.Workload(
                "mandelbrot",
                "Mandelbrot set: escape-time iterations over a size x size grid (floating point).",
                List.of(
                    new BenchEvidence.Series(
                        "3.14",
                        BenchEvidence.Mode.THREADS,
                        List.of(
                            point(1, 1.0, 15000, true),
                            point(2, 1.01, 15100, true),
                            point(4, 1.02, 15200, true)),
                        OptionalDouble.of(1.0)),
                    new BenchEvidence.Series(
                        "3.14",
                        BenchEvidence.Mode.PROCESSES,
                        List.of(
                            point(1, 1.02, 30000, false),
                            point(2, 0.52, 45000, false),
                            point(4, 0.27, 75000, false)),
                        OptionalDouble.of(0.02)),
                    new BenchEvidence.Series(
                        "3.14t",
                        BenchEvidence.Mode.THREADS,
                        List.of(
                            point(1, 1.05, 17500, true),
                            point(2, 0.54, 17800, true),
                            point(4, 0.29, 18400, true)),
                        OptionalDouble.of(0.03))))),
        List.of(new BenchEvidence.Tax("mandelbrot", "3.14t", "3.14", 1.05, 17500.0 / 15000)),
        List.of("processes: a started pool of N processes; their peak RSS is added up"));
  }
}
