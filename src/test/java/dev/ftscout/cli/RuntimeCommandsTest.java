package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * doctor, probe, test and bench through the real command line, in-process, with real interpreters
 * (and the free-threaded test double), writing every format the commands promise.
 */
class RuntimeCommandsTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();

  private static Pythons.Python python() {
    return Pythons.forVenvs()
        .orElseGet(() -> {
          Assumptions.abort("no CPython interpreter found");
          throw new IllegalStateException();
        });
  }

  /** An environment where only {@code bin} is on PATH and home is empty. */
  private Map<String, String> env() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = bin.resolve("python3");
    if (!Files.exists(link)) {
      Files.createSymbolicLink(link, python().executable());
    }
    return Map.of("PATH", bin.toString(), "HOME", dir.resolve("home").toString(), "NO_COLOR", "1");
  }

  private CliRun.Result run(String... args) throws IOException {
    return CliRun.run(Components.standard(), dir, env(), args);
  }

  @Test
  void doctorInTextAndJson() throws IOException {
    CliRun.Result text = run("doctor");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains(
            "Interpreters found: 1",
            "No free-threaded interpreter found.",
            "uv python install 3.14t");
    CliRun.Result js = run("doctor", "--format", "json");
    assertThat(js.exitCode()).isZero();
    JsonNode tree = json.readTree(js.out());
    assertThat(tree.path("interpreters")).hasSize(1);
    assertThat(tree.path("freeThreadedFound").asBoolean()).isFalse();
    assertThat(run("doctor", "--format", "xml").exitCode()).isEqualTo(Cli.USAGE);
  }

  @Test
  void probeRefusesAGilBuildWithDoctorsAdvice() throws IOException {
    CliRun.Result r = run("probe", "--python", python().executable().toString());
    assertThat(r.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(r.err())
        .contains("is a GIL build of Python", "allow the GIL build")
        .contains("uv python install 3.14t", "rerun with --allow-gil-build");
  }

  @Test
  void probeOfAMissingEnvironmentIsAUsageError() throws IOException {
    CliRun.Result r = run("probe", "--env", "no-such-venv", "--allow-gil-build");
    assertThat(r.exitCode()).isEqualTo(Cli.USAGE);
    assertThat(r.err()).contains("no-such-venv: no such environment folder");
  }

  @Test
  void probeOnTheFreeThreadedDoubleReportsTheCulpritInEveryFormat() throws Exception {
    Pythons.Python base = python();
    Path venv = dir.resolve("venv");
    exec(List.of(base.executable().toString(), "-m", "venv", "--without-pip", venv.toString()));
    Path site = venv.resolve("lib/python" + base.version() + "/site-packages");
    Path gcc = Path.of("/usr/bin/gcc");
    Assumptions.assumeTrue(Files.isExecutable(gcc), "gcc is needed to build a test extension");
    String include =
        exec(List.of(
                base.executable().toString(),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['include'])"))
            .stdout()
            .strip();
    String suffix =
        exec(List.of(
                base.executable().toString(),
                "-c",
                "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"))
            .stdout()
            .strip();
    exec(
        List.of(
            gcc.toString(),
            "-shared",
            "-fPIC",
            "-I" + include,
            TestVenvs.basedir().resolve("examples/race-demo/native/legacy.c").toString(),
            "-o",
            site.resolve("_legacy" + suffix).toString()));
    Files.writeString(site.resolve("plainmod.py"), "VALUE = 1\n");
    FreeThreadedTestDouble ft =
        FreeThreadedTestDouble.create(
            dir.resolve("ft"),
            "python" + base.version() + "t",
            base,
            FreeThreadedTestDouble.Variant.PY314,
            FreeThreadedTestDouble.Options.defaults());

    CliRun.Result text = run("probe", "--python", ft.executable().toString(), "--env", "venv");
    assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
    assertThat(text.out())
        .contains(
            "venv FT401 _legacy from no known distribution re-enables the GIL on import in "
                + base.version()
                + "t: <frozen importlib._bootstrap>:491: RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module '_legacy'")
        .contains("Probe: 2 modules imported in " + base.version() + "t");

    CliRun.Result js =
        run("probe", "--python", ft.executable().toString(), "--env", "venv", "--format", "json");
    assertThat(Schemas.reportErrors(js.out())).isEmpty();
    JsonNode tree = json.readTree(js.out());
    assertThat(tree.path("command").asText()).isEqualTo("probe");
    assertThat(tree.path("probe").path("culprits").get(0).path("module").asText())
        .isEqualTo("_legacy");
    assertThat(tree.path("findings").get(0).path("ruleId").asText()).isEqualTo("FT401");

    CliRun.Result sarif =
        run("probe", "--python", ft.executable().toString(), "--env", "venv", "--format", "sarif");
    assertThat(Schemas.sarifErrors(sarif.out())).isEmpty();

    CliRun.Result ignored =
        run("probe", "--python", ft.executable().toString(), "--env", "venv", "--ignore", "FT401");
    assertThat(ignored.exitCode()).isZero();
  }

  @Test
  void testCommandOnTheUnittestDemo() throws Exception {
    Path demo = TestVenvs.basedir().resolve("examples/race-demo");
    copy(demo, dir);
    List<String> args =
        List.of(
            "test",
            "--python",
            python().executable().toString(),
            "--stress",
            "4",
            "--iterations",
            "3",
            "--format",
            "json",
            "--",
            "python",
            "-m",
            "unittest",
            "unittests.test_races.CounterTest",
            "unittests.test_races.EnvironmentTest");
    CliRun.Result r = run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(Schemas.reportErrors(r.out())).isEmpty();
    JsonNode tree = json.readTree(r.out());
    assertThat(tree.path("test").path("problems").get(0).path("kind").asText())
        .isEqualTo("fails-under-stress");
    assertThat(tree.path("test").path("singleThreaded").get(0).path("reason").asText())
        .contains("changes os.environ");
    assertThat(tree.path("findings").get(0).path("ruleId").asText()).isEqualTo("FT411");
    assertThat(tree.path("findings").get(0).path("path").asText())
        .isEqualTo("unittests/test_races.py");
    List<String> sarifArgs = new java.util.ArrayList<>(args);
    sarifArgs.set(sarifArgs.indexOf("json"), "sarif");
    assertThat(Schemas.sarifErrors(run(sarifArgs.toArray(String[]::new)).out())).isEmpty();

    CliRun.Result none = run("test", "--python", python().executable().toString());
    assertThat(none.exitCode()).isEqualTo(Cli.USAGE);
  }

  @Test
  void benchWritesJsonAndHtmlAndComparesRuns() throws Exception {
    List<String> common =
        List.of(
            "bench",
            "nbody",
            "--python",
            python().executable().toString(),
            "--threads",
            "1,2",
            "--runs",
            "1",
            "--values",
            "2",
            "--warmups",
            "0",
            "--units",
            "2",
            "--scale",
            "0.02",
            "--no-processes");
    for (String name : List.of("old.json", "new.json")) {
      List<String> args = new java.util.ArrayList<>(common);
      args.addAll(List.of("--format", "json", "--output", name));
      assertThat(run(args.toArray(String[]::new)).exitCode()).isZero();
      assertThat(Schemas.reportErrors(Files.readString(dir.resolve(name)))).isEmpty();
    }
    List<String> html = new java.util.ArrayList<>(common);
    html.addAll(List.of("--format", "html", "--output", "bench.html"));
    assertThat(run(html.toArray(String[]::new)).exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("bench.html")))
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"");

    CliRun.Result compare = run("bench", "--compare", "old.json", "new.json");
    assertThat(compare.exitCode()).isZero();
    assertThat(compare.out()).contains("nbody", "2 measurements compared");
    assertThat(run("bench", "--threads", "0").exitCode()).isEqualTo(Cli.USAGE);
    assertThat(run("bench", "--compare", "old.json", "missing.json").err())
        .contains("missing.json: cannot read");
  }

  private ProcessResult exec(List<String> argv) throws IOException {
    ProcessResult r =
        new ProcessRunner()
            .run(
                ProcessSpec.of(argv, Map.of("PATH", "/usr/bin:/bin"), dir)
                    .withTimeout(Duration.ofMinutes(2)));
    assertThat(r.succeeded()).as("%s: %s", argv, r.stderr()).isTrue();
    return r;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
