package dev.ftscout.runtime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftscout.runtime.discovery.DiscoveryRoots;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble.Options;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble.Variant;
import dev.ftscout.runtime.probe.ProbeResult.Mode;
import dev.ftscout.runtime.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe end to end: real gcc-built extensions installed as real distributions in a real venv,
 * imported by real worker processes in the free-threaded test double (3.13 and 3.14 variants) and
 * in a real GIL interpreter (dry run).
 */
class ProbeTest {
  @TempDir static Path shared;
  private static ProbeEnvironments env;
  @TempDir Path tmp;

  @BeforeAll
  static void buildEnvironment() {
    env = ProbeEnvironments.standard(FreeThreadedTestDouble.defaultBase(), shared);
  }

  private Probe probe(Map<String, String> userEnv) {
    Map<String, String> e = new HashMap<>(userEnv);
    e.putIfAbsent("PATH", "/usr/bin:/bin");
    ProcessRunner runner = new ProcessRunner();
    return new Probe(
        runner, new InterpreterDiscovery(runner, new DiscoveryRoots(e, tmp, false), tmp), e);
  }

  private FreeThreadedTestDouble dbl(Variant variant, Options options) {
    return FreeThreadedTestDouble.create(
        tmp.resolve("ft"), "python3.13t", env.python(), variant, options);
  }

  private ProbeRequest request(FreeThreadedTestDouble d) {
    return ProbeRequest.defaults().withPython(d.executable()).withEnvironment(env.venv());
  }

  private static ModuleResult result(ProbeResult r, String module) {
    return r.modules().stream()
        .filter(m -> m.module().equals(module))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + module + " in " + r.modules()));
  }

  @Test
  void namesEveryCulpritWithItsDistributionInOneWorkerPlusCrashRestart() throws ProbeException {
    ProbeResult r = probe(Map.of()).run(request(dbl(Variant.PY313, Options.defaults())));

    assertThat(r.mode()).isEqualTo(Mode.FREE_THREADED);
    assertThat(r.modules())
        .extracting(ModuleResult::module)
        .containsExactly(
            "aaa_uses_gil",
            "brokenthing",
            "gilfree",
            "gilfree._fast",
            "gilused",
            "gilused._slow",
            "lazygil",
            "lazygil._core",
            "purething",
            "segv",
            "segv._boom",
            "zzz_after_crash");
    // Every culprit is named, not just the one the once-per-interpreter warning names.
    assertThat(r.culprits())
        .extracting(GilCulprit::module)
        .containsExactly("gilused._slow", "lazygil._core");
    GilCulprit first = r.culprits().get(0);
    assertThat(first.distribution()).contains("gil-using-ext");
    assertThat(first.version()).contains("2.0");
    assertThat(first.evidence())
        .isEqualTo(
            "<frozen importlib._bootstrap>:488: RuntimeWarning: "
                + GilEvidence.warningText("gilused._slow"));
    assertThat(r.culprits().get(1).evidence()).isEqualTo(GilEvidence.verboseLine("lazygil._core"));
    assertThat(r.culprits().get(1).distribution()).contains("lazy-gil");

    ModuleResult uses = result(r, "aaa_uses_gil");
    assertThat(uses.status()).isEqualTo(ModuleStatus.REENABLES_GIL);
    assertThat(uses.distribution()).contains("pure-things");
    // gilused was already loaded by aaa_uses_gil; it still owns its culprit.
    assertThat(result(r, "gilused").status()).isEqualTo(ModuleStatus.REENABLES_GIL);
    assertThat(result(r, "gilused").culprits())
        .extracting(GilCulprit::module)
        .containsExactly("gilused._slow");
    assertThat(result(r, "lazygil._core").status()).isEqualTo(ModuleStatus.REENABLES_GIL);
    assertThat(result(r, "lazygil._core").kind()).isEqualTo(ModuleResult.Kind.EXTENSION);
    assertThat(result(r, "gilfree").status()).isEqualTo(ModuleStatus.OK);
    assertThat(result(r, "gilfree._fast").status()).isEqualTo(ModuleStatus.OK);
    assertThat(result(r, "gilfree").distribution()).contains("gil-free-ext");
    assertThat(result(r, "purething").status()).isEqualTo(ModuleStatus.OK);
    assertThat(result(r, "zzz_after_crash").status()).isEqualTo(ModuleStatus.OK);
    ModuleResult broken = result(r, "brokenthing");
    assertThat(broken.status()).isEqualTo(ModuleStatus.IMPORT_FAILED);
    assertThat(broken.evidence()).isEqualTo("ImportError: needs libfoo.so.1");
    ModuleResult crash = result(r, "segv._boom");
    assertThat(crash.status()).isEqualTo(ModuleStatus.CRASHED);
    assertThat(crash.distribution()).contains("segfault-ext");
    assertThat(crash.evidence())
        .contains("signal 11 (SIGSEGV)")
        .contains("Fatal Python error: Segmentation fault");
    // One worker for everything, one more after the segfault, and one that imports the module
    // that failed alone: culprits cost no extra process.
    assertThat(r.workerProcesses()).isEqualTo(3);
  }

  @Test
  void withoutVerboseLinesReplacesTheWorkerAfterEachCulprit() throws ProbeException {
    ProbeResult r = probe(Map.of()).run(request(dbl(Variant.PY314, new Options(false, List.of()))));
    assertThat(r.culprits())
        .extracting(GilCulprit::module)
        .containsExactly("gilused._slow", "lazygil._core");
    // Each culprit named by its own worker's warning, at 3.14's location.
    assertThat(r.culprits())
        .allSatisfy(c ->
            assertThat(c.evidence())
                .startsWith(
                    "<frozen importlib._bootstrap>:491: RuntimeWarning: The global interpreter lock"));
    int flips =
        (int)
            r.modules().stream()
                .filter(m ->
                    m.status() == ModuleStatus.REENABLES_GIL
                        && !m.evidence().equals("already loaded by an earlier import"))
                .count();
    int crashes = r.withStatus(ModuleStatus.CRASHED).size();
    int failures = r.withStatus(ModuleStatus.IMPORT_FAILED).size();
    assertThat(r.workerProcesses())
        .isLessThanOrEqualTo(flips + crashes + failures + 1)
        .isGreaterThan(2);
    assertThat(r.notes()).anyMatch(n -> n.contains("fresh worker was started after each culprit"));
  }

  @Test
  void userWarningFiltersCannotHideTheWarning() throws ProbeException {
    // Its own venv: the shared one must stay as the other tests expect it.
    ProbeEnvironments own = ProbeEnvironments.create(env.python(), tmp.resolve("own"));
    own.dist("lazy-gil", "3.0")
        .python("lazygil/__init__.py", "")
        .extension("lazygil._core", "gil_used")
        .topLevel("lazygil")
        .install();
    own.dist("quiet", "1.0")
        .python(
            "quietly.py",
            "import warnings\nwarnings.simplefilter('ignore')\nwarnings.filterwarnings('error', category=RuntimeWarning)\nimport lazygil._core\n")
        .topLevel("quietly")
        .install();
    ProbeResult r =
        probe(Map.of("PYTHONWARNINGS", "error"))
            .run(
                ProbeRequest.defaults()
                    .withPython(dbl(Variant.PY313, new Options(false, List.of())).executable())
                    .withEnvironment(own.venv())
                    .withModules(List.of("quietly")));
    ModuleResult quiet = result(r, "quietly");
    assertThat(quiet.status()).isEqualTo(ModuleStatus.REENABLES_GIL);
    assertThat(quiet.culprits())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.module()).isEqualTo("lazygil._core");
          assertThat(c.evidence()).endsWith(GilEvidence.warningText("lazygil._core"));
        });
  }

  @Test
  void hangingImportTimesOutAndTheRestGoesOn() throws ProbeException {
    ProbeEnvironments own = ProbeEnvironments.create(env.python(), tmp.resolve("own"));
    own.dist("hangs", "1.0")
        .python("hangthing.py", "import time\ntime.sleep(600)\n")
        .topLevel("hangthing")
        .install();
    ProbeResult r =
        probe(Map.of())
            .run(
                ProbeRequest.defaults()
                    .withPython(dbl(Variant.PY313, Options.defaults()).executable())
                    .withEnvironment(own.venv())
                    .withModules(List.of("hangthing", "json"))
                    .withImportTimeout(Duration.ofSeconds(2)));
    assertThat(result(r, "hangthing").status()).isEqualTo(ModuleStatus.TIMED_OUT);
    assertThat(result(r, "hangthing").distribution()).contains("hangs");
    assertThat(result(r, "json").status()).isEqualTo(ModuleStatus.OK);
    assertThat(r.workerProcesses()).isEqualTo(2);
  }

  @Test
  void aFailureCausedByAnEarlierImportIsCheckedAlone() throws ProbeException {
    ProbeEnvironments own = ProbeEnvironments.create(env.python(), tmp.resolve("order"));
    own.dist("order-things", "1.0")
        .python("aaa_poisons.py", "import sys\nsys.modules['victimdep'] = None\n")
        .python("victimdep.py", "VALUE = 1\n")
        .python("zzz_victim.py", "import victimdep\n")
        .python("zzz_broken.py", "raise ImportError('needs libbar.so.2')\n")
        .topLevel("aaa_poisons", "victimdep", "zzz_victim", "zzz_broken")
        .install();
    ProbeResult r =
        probe(Map.of())
            .run(
                ProbeRequest.defaults()
                    .withEnvironment(own.venv())
                    .withAllowGilBuild(true)
                    .withModules(List.of("aaa_poisons", "zzz_victim", "zzz_broken")));
    ModuleResult victim = result(r, "zzz_victim");
    assertThat(victim.status()).isEqualTo(ModuleStatus.OK);
    assertThat(victim.evidence())
        .startsWith("imported on its own; failed only after other modules were imported (")
        .contains("victimdep");
    ModuleResult broken = result(r, "zzz_broken");
    assertThat(broken.status()).isEqualTo(ModuleStatus.IMPORT_FAILED);
    assertThat(broken.evidence()).isEqualTo("ImportError: needs libbar.so.2");
    assertThat(r.workerProcesses()).isEqualTo(3);
  }

  @Test
  void gilBuildDryRunOnlyTestsImportability() throws ProbeException {
    ProbeResult r =
        probe(Map.of())
            .run(ProbeRequest.defaults().withEnvironment(env.venv()).withAllowGilBuild(true));
    assertThat(r.mode()).isEqualTo(Mode.GIL_DRY_RUN);
    assertThat(r.interpreter().freeThreadedBuild()).isFalse();
    assertThat(r.culprits()).isEmpty();
    assertThat(result(r, "gilused._slow").status()).isEqualTo(ModuleStatus.OK);
    assertThat(result(r, "brokenthing").status()).isEqualTo(ModuleStatus.IMPORT_FAILED);
    assertThat(result(r, "segv._boom").status()).isEqualTo(ModuleStatus.CRASHED);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("dry run on a GIL build"));
  }

  @Test
  void refusesAGilBuildWithAdvice() {
    assertThatThrownBy(
            () -> probe(Map.of()).run(ProbeRequest.defaults().withEnvironment(env.venv())))
        .isInstanceOfSatisfying(
            ProbeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ProbeException.Reason.GIL_BUILD);
              assertThat(e.getMessage()).contains("is a GIL build of Python").contains("dry run");
              assertThat(e.advice()).anyMatch(a -> a.contains("uv python install 3.14t"));
            });
  }

  @Test
  void withoutAnyFreeThreadedInterpreterSaysHowToGetOne() {
    assertThatThrownBy(() -> probe(Map.of()).run(ProbeRequest.defaults()))
        .isInstanceOfSatisfying(
            ProbeException.class,
            e -> assertThat(e.reason()).isEqualTo(ProbeException.Reason.NO_INTERPRETER));
  }

  @Test
  void findsTheFreeThreadedInterpreterThroughFtscoutFtPython() throws ProbeException {
    FreeThreadedTestDouble d = dbl(Variant.PY313, Options.defaults());
    ProbeResult r =
        probe(Map.of("FTSCOUT_FT_PYTHON", d.executable().toString()))
            .run(ProbeRequest.defaults().withModules(List.of("json", "_ctypes")));
    assertThat(r.interpreter().path()).isEqualTo(d.executable());
    // Standard-library extensions are declared GIL-free in real free-threaded builds.
    assertThat(r.modules()).extracting(ModuleResult::status).containsOnly(ModuleStatus.OK);
    assertThat(r.environment()).isEqualTo(Optional.empty());
  }

  @Test
  void parallelWorkersFindTheSame() throws ProbeException {
    ProbeResult one = probe(Map.of()).run(request(dbl(Variant.PY313, Options.defaults())));
    ProbeResult two =
        probe(Map.of()).run(request(dbl(Variant.PY313, Options.defaults())).withJobs(2));
    assertThat(two.culprits())
        .extracting(GilCulprit::module)
        .containsExactlyElementsOf(one.culprits().stream().map(GilCulprit::module).toList());
    assertThat(two.modules())
        .extracting(ModuleResult::status)
        .containsExactlyElementsOf(one.modules().stream().map(ModuleResult::status).toList());
  }
}
