package dev.ftscout.runtime.testrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Progress;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.model.TestEvidence.Category;
import dev.ftscout.model.TestEvidence.Kind;
import dev.ftscout.model.TestEvidence.Outcome;
import dev.ftscout.model.TestEvidence.Problem;
import dev.ftscout.runtime.discovery.DiscoveryRoots;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftscout test} end to end on {@code examples/race-demo}: real pytest (pip-installed into a
 * real venv) and real unittest, on the real GIL interpreter and on the free-threaded test double
 * over the same venv; real races, a real deadlock (dumped by faulthandler), a real segfault.
 */
class TestRunnerTest {
  @TempDir Path tmp;

  private TestRunner runner() {
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin");
    ProcessRunner processes = new ProcessRunner();
    return new TestRunner(
        processes,
        new InterpreterDiscovery(
            processes, new DiscoveryRoots(env, tmp.resolve("home"), false), tmp),
        env);
  }

  private static Problem problem(TestEvidence e, String test, Kind kind) {
    return e.problems().stream()
        .filter(p -> p.test().equals(test) && p.kind() == kind)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " for " + test + " in " + e.problems()));
  }

  private static List<Kind> kinds(TestEvidence e, String test) {
    return e.problems().stream().filter(p -> p.test().equals(test)).map(Problem::kind).toList();
  }

  @Test
  void pytestOnGilBuildAndFreeThreadedDoubleFindsEveryCategory() throws Exception {
    TestVenvs.Venv venv = TestVenvs.venv("pytest");
    Path project = RaceDemo.copy(tmp.resolve("race-demo"));
    RaceDemo.buildLegacyExtension(project, venv.python());
    FreeThreadedTestDouble ft =
        FreeThreadedTestDouble.create(
            tmp.resolve("ft"),
            "python3.11t",
            new Pythons.Python(venv.python(), 3, 11),
            FreeThreadedTestDouble.Variant.PY314,
            FreeThreadedTestDouble.Options.defaults());
    TestRequest request =
        TestRequest.of(List.of("python", "-m", "pytest", "tests"), project)
            .withPythons(List.of(venv.python(), ft.executable()))
            .withStress(4, 3)
            .withPerTestTimeout(Duration.ofSeconds(3))
            .withPerThreadFixtures(List.of("fresh_cache"));

    TestEvidence e = runner().run(request, Progress.none());

    assertThat(e.runner()).isEqualTo("pytest");
    assertThat(e.configurations())
        .extracting(TestEvidence.Configuration::label)
        .containsExactly("gil-3.11", "ft-3.11t", "ft-3.11t-gil0", "stress-3.11t");
    // The GIL baseline: everything passes serially.
    TestEvidence.Configuration gil = e.configurations().get(0);
    assertThat(gil.counts()).containsEntry("passed", 7).doesNotContainKeys("failed", "crashed");

    // The extension without Py_mod_gil: the GIL warning turned into an error on the FT build only.
    Problem legacy =
        problem(
            e,
            "tests/test_legacy.py::test_legacy_extension_imports_cleanly",
            Kind.FAILS_FREE_THREADED);
    assertThat(legacy.configuration()).isEqualTo("ft-3.11t");
    assertThat(legacy.category()).isEqualTo(Category.GIL_WARNING);
    assertThat(legacy.exceptionType()).isEqualTo("RuntimeWarning");
    assertThat(legacy.evidence()).contains("has been enabled to load module '_legacy'");
    assertThat(legacy.files()).first().isEqualTo("tests/test_legacy.py");
    assertThat(legacy.line()).isEqualTo(7);
    assertThat(outcomes(e, "tests/test_legacy.py::test_legacy_extension_imports_cleanly"))
        .containsEntry("gil-3.11", List.of(Outcome.PASSED))
        .containsEntry("ft-3.11t", List.of(Outcome.FAILED))
        .containsEntry("ft-3.11t-gil0", List.of(Outcome.PASSED));

    // Races under thread stress.
    Problem counter =
        problem(
            e, "tests/test_counter.py::test_increment_counts_every_call", Kind.FAILS_UNDER_STRESS);
    assertThat(counter.category()).isEqualTo(Category.ASSERTION);
    assertThat(counter.configuration()).isEqualTo("stress-3.11t");
    assertThat(counter.evidence()).startsWith("AssertionError: assert ");
    problem(e, "tests/test_cache.py::test_compute_once_per_key", Kind.FAILS_UNDER_STRESS);
    // Its fixture was evaluated once per thread: no false alarm.
    assertThat(kinds(e, "tests/test_cache.py::test_cache_with_own_instance")).isEmpty();

    // The deadlock: a hang with every thread dumped, pinned on the test and the library file.
    Problem hang = problem(e, "tests/test_transfer.py::test_transfer_both_ways", Kind.HANGS);
    assertThat(hang.category()).isEqualTo(Category.TIMEOUT);
    assertThat(hang.threadDump()).contains("Timeout (0:00:03)!", "racedemo/bank.py", "in transfer");
    assertThat(hang.files()).containsExactly("tests/test_transfer.py", "racedemo/bank.py");

    // The crash: the interpreter died with SIGSEGV in the test; the rest still ran.
    Problem crash = problem(e, "tests/test_native.py::test_native_buffer", Kind.CRASHES);
    assertThat(crash.category()).isEqualTo(Category.CRASH);
    assertThat(crash.evidence())
        .contains("SIGSEGV")
        .contains("Fatal Python error: Segmentation fault");
    assertThat(crash.threadDump()).contains("racedemo/native.py");

    // The marked test ran single-threaded, with the marker's reason.
    assertThat(e.singleThreaded())
        .singleElement()
        .satisfies(s -> {
          assertThat(s.test()).isEqualTo("tests/test_environment.py::test_reads_environment");
          assertThat(s.reason()).isEqualTo("marked thread_unsafe (changes os.environ)");
        });
    assertThat(kinds(e, "tests/test_environment.py::test_reads_environment")).isEmpty();
    assertThat(e.notes()).anyMatch(n -> n.startsWith("ft-3.11t: the GIL was re-enabled"));
  }

  @Test
  void sharedFixtureRacesWithoutPerThreadFixtures() throws Exception {
    TestVenvs.Venv venv = TestVenvs.venv("pytest");
    Path project = RaceDemo.copy(tmp.resolve("race-demo"));
    TestRequest request =
        TestRequest.of(List.of("pytest", "tests/test_cache.py"), project)
            .withPythons(List.of(venv.python()))
            .withStress(4, 3)
            .withPerTestTimeout(Duration.ofSeconds(10));

    TestEvidence e = runner().run(request, Progress.none());

    assertThat(e.configurations())
        .extracting(TestEvidence.Configuration::label)
        .containsExactly("gil-3.11", "stress-3.11");
    assertThat(kinds(e, "tests/test_cache.py::test_cache_with_own_instance"))
        .containsExactly(Kind.FAILS_UNDER_STRESS);
    assertThat(e.notes()).anyMatch(n -> n.startsWith("no free-threaded interpreter"));
  }

  @Test
  void unittestUnderStressOnAGilBuild() throws Exception {
    Pythons.Python python = anyPython();
    Path project = RaceDemo.copy(tmp.resolve("race-demo"));
    TestRequest request =
        TestRequest.of(
                List.of("python3", "-m", "unittest", "discover", "-s", "unittests", "-t", "."),
                project)
            .withPythons(List.of(python.executable()))
            .withStress(4, 3)
            .withPerTestTimeout(Duration.ofSeconds(3));

    TestEvidence e = runner().run(request, Progress.none());

    assertThat(e.runner()).isEqualTo("unittest");
    String prefix = "unittests.test_races.";
    assertThat(kinds(e, prefix + "CounterTest.test_increment_counts_every_call"))
        .containsExactly(Kind.FAILS_UNDER_STRESS);
    assertThat(kinds(e, prefix + "CacheTest.test_compute_once_per_key"))
        .containsExactly(Kind.FAILS_UNDER_STRESS);
    // setUp runs per thread: each thread has its own TestCase instance.
    assertThat(kinds(e, prefix + "CacheTest.test_cache_with_own_instance")).isEmpty();
    assertThat(kinds(e, prefix + "TransferTest.test_transfer_both_ways"))
        .containsExactly(Kind.HANGS);
    assertThat(kinds(e, prefix + "NativeTest.test_native_buffer")).containsExactly(Kind.CRASHES);
    assertThat(e.singleThreaded())
        .singleElement()
        .satisfies(s ->
            assertThat(s.reason())
                .isEqualTo("marked __ftscout_thread_unsafe__ (changes os.environ)"));
    // The unittest runner wrote JUnit XML: the skip of the unbuilt extension came from there.
    assertThat(outcomes(e, prefix + "LegacyTest.test_legacy_extension_imports_cleanly"))
        .containsEntry("gil-" + python.version(), List.of(Outcome.SKIPPED));
  }

  @Test
  void flakyTestsShowAcrossRepeats() throws Exception {
    Pythons.Python python = anyPython();
    Path project = Files.createDirectories(tmp.resolve("flaky"));
    Files.writeString(
        project.resolve("test_flaky.py"),
        """
        import os
        import unittest

        STATE = os.path.join(os.path.dirname(__file__), "runs.txt")


        class Flaky(unittest.TestCase):
            def test_every_other_run(self):
                runs = int(open(STATE).read()) if os.path.exists(STATE) else 0
                with open(STATE, "w") as f:
                    f.write(str(runs + 1))
                self.assertEqual(runs % 2, 0)

            def test_steady(self):
                self.assertTrue(True)
        """);
    TestRequest request =
        TestRequest.of(List.of("python", "-m", "unittest", "test_flaky"), project)
            .withPythons(List.of(python.executable()))
            .withStress(0, 1)
            .withRepeat(2);

    TestEvidence e = runner().run(request, Progress.none());

    Problem flaky = problem(e, "test_flaky.Flaky.test_every_other_run", Kind.FLAKY);
    assertThat(flaky.evidence()).startsWith("outcomes across repeats: passed, failed");
    assertThat(kinds(e, "test_flaky.Flaky.test_steady")).isEmpty();
    assertThat(e.configurations())
        .singleElement()
        .satisfies(c -> assertThat(c.exitCodes()).containsExactly(0, 1));
  }

  @Test
  void anyOtherCommandIsJudgedByItsExitStatus() throws Exception {
    Pythons.Python python = anyPython();
    Path project = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(project.resolve("check.py"), "import sys\nsys.exit(3)\n");
    TestRequest request =
        TestRequest.of(List.of("python", "check.py"), project)
            .withPythons(List.of(python.executable()))
            .withStress(0, 1);

    TestEvidence e = runner().run(request, Progress.none());

    assertThat(e.runner()).isEqualTo("command");
    assertThat(outcomes(e, "python check.py"))
        .containsEntry("gil-" + python.version(), List.of(Outcome.FAILED));
    assertThat(e.notes()).anyMatch(n -> n.contains("neither pytest nor python -m unittest"));
  }

  private static Map<String, List<Outcome>> outcomes(TestEvidence e, String test) {
    return e.tests().stream()
        .filter(t -> t.id().equals(test))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcomes for " + test))
        .outcomes();
  }

  private static Pythons.Python anyPython() {
    return Pythons.forVenvs()
        .orElseGet(() -> {
          Assumptions.abort("no CPython interpreter found");
          throw new IllegalStateException();
        });
  }
}
