package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftscout deps} end to end, in-process through the real command line, against the loopback
 * index serving the demo data: the demo's chains and plan, every format, suppressions and
 * baselines, bad input, an unreachable or partly failing index, offline runs and the cache
 * commands. The cache and home are temporary folders.
 */
class DepsCommandTest {
  private static final Path DEMO = TestVenvs.basedir().resolve("examples/deps-demo");
  private final ObjectMapper json = new ObjectMapper();
  private LoopbackIndex index;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    index =
        LoopbackIndex.fromFixture(
                TestVenvs.basedir().resolve("src/test/resources/deps/index/demo-index.json"))
            .start();
  }

  @AfterEach
  void stop() {
    index.close();
  }

  /** The environment of a user whose home and cache are temporary, with no pip configuration. */
  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("NO_COLOR", "1");
    env.put("HOME", tmp.resolve("home").toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    env.put("PIP_CONFIG_FILE", "os.devnull");
    return env;
  }

  private CliRun.Result deps(Path dir, String... args) {
    List<String> argv = new ArrayList<>(List.of("deps"));
    argv.addAll(List.of(args));
    return CliRun.run(Components.standard(), dir, env(), argv.toArray(String[]::new));
  }

  @Test
  void demoShowsBlockerChainsAndTheUpgradePlan() {
    CliRun.Result r =
        deps(
            TestVenvs.basedir().resolve("examples"), "deps-demo", "--index-url", index.simpleUrl());
    System.out.println(r.out());
    System.out.println(r.err());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first free-threaded release"
                + " 2.3.3",
            "myapp → pandas 2.1.0 → numpy 1.26.4: no cp313t wheel; first free-threaded release"
                + " 2.1.0",
            "myapp → pandas 2.1.0: no cp314t wheel; first free-threaded release 2.3.3",
            "bump numpy 1.26.4 → 2.3.3 for 3.13t/manylinux_2_28_x86_64,"
                + " 3.14t/manylinux_2_28_x86_64",
            "blocked: pandas needs >=2.3.3, but the project's pandas<2.2,>=2.1"
                + " (pyproject.toml:7:6) forbids it");
  }

  @Test
  void jsonAndSarifAreValid() throws Exception {
    CliRun.Result j =
        deps(DEMO, "--index-url", index.simpleUrl(), "--format", "json", "--fail-on", "never");
    assertThat(j.exitCode()).as(j.err()).isZero();
    assertThat(Schemas.reportErrors(j.out())).isEmpty();
    JsonNode tree = json.readTree(j.out());
    assertThat(tree.path("command").asText()).isEqualTo("deps");
    assertThat(tree.path("dependencies").path("summary").path("blockers").asInt()).isEqualTo(4);
    CliRun.Result s = deps(DEMO, "--index-url", index.simpleUrl(), "--format", "sarif");
    assertThat(Schemas.sarifErrors(s.out())).isEmpty();
    JsonNode results = json.readTree(s.out()).path("runs").get(0).path("results");
    assertThat(results).isNotEmpty();
    assertThat(
            results
                .get(0)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("pyproject.toml");
  }

  private Path project(String requirements) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(dir.resolve("requirements.txt"), requirements);
    return dir;
  }

  @Test
  void aCommentOnTheRequirementLineSuppressesItsFinding() throws Exception {
    Path dir =
        project(
            """
            numpy==1.26.4  # ftscout: ignore[FT301]
            # ftscout: ignore[no-free-threaded-wheel]
            pyyaml==6.0.2
            fastjson==1.4.0
            """);
    CliRun.Result r =
        deps(
            dir,
            "--index-url",
            index.simpleUrl(),
            "--target",
            "3.14t,3.13t",
            "--platform",
            "manylinux_2_28_x86_64",
            "--select",
            "FT301,FT306");
    System.out.println(r.out());
    assertThat(r.out())
        .doesNotContain("requirements.txt:1:1 FT301", "requirements.txt:3:1 FT301")
        .contains(
            "requirements.txt:4:1 FT306 fastjson 1.4.0 has free-threaded wheels for 3.14t"
                + " only, none for 3.13t/manylinux_2_28_x86_64")
        .contains("2 suppressed");
  }

  @Test
  void aBaselineAcceptsTheCurrentFindings() throws Exception {
    Path dir = project("numpy==1.26.4\npyyaml==6.0.2\n");
    String[] common = {"--index-url", index.simpleUrl(), "--platform", "manylinux_2_28_x86_64"};
    CliRun.Result first = deps(dir, concat(common, "--write-baseline", "baseline.json"));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("Wrote 3 accepted findings to baseline.json");
    CliRun.Result again = deps(dir, concat(common, "--baseline", "baseline.json"));
    assertThat(again.exitCode()).as(again.out()).isZero();
    assertThat(again.out()).contains("No findings", "3 in baseline");
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  @Test
  void badInputIsOneLineWithFileLineAndColumn() throws Exception {
    Path dir = project("numpy==1.26.4\npandas>=2.1,<<2.2\n");
    CliRun.Result r = deps(dir, "--index-url", index.simpleUrl());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("ftscout: error: " + dir.resolve("requirements.txt") + ":2:");
  }

  @Test
  void anUnreachableIndexIsAClearErrorWhenNothingCouldBeAudited() throws Exception {
    Path dir = project("numpy==1.26.4\n");
    index.close();
    CliRun.Result r = deps(dir, "--index-url", index.simpleUrl());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("ftscout: error: cannot reach the package index " + index.simpleUrl());
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aProjectTheIndexFailsForIsReportedAndTheRestAudited() throws Exception {
    Path dir = project("numpy==1.26.4\npyyaml==6.0.2\n");
    index.failNext("/simple/pyyaml/", 100);
    CliRun.Result r =
        deps(dir, "--index-url", index.simpleUrl(), "--platform", "manylinux_2_28_x86_64");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("numpy 1.26.4 has no free-threaded wheel for 3.14t")
        .contains("FT308 pyyaml could not be read from the index")
        .contains("note: pyyaml: index request failed");
  }

  @Test
  void offlineRunsSayWhichPackagesTheCacheDidNotHave() throws Exception {
    Path dir = project("numpy==1.26.4\n");
    assertThat(deps(dir, "--index-url", index.simpleUrl()).exitCode()).isEqualTo(1);
    Files.writeString(dir.resolve("requirements.txt"), "numpy==1.26.4\nsix==1.17.0\n");
    index.close();
    CliRun.Result r = deps(dir, "--index-url", index.simpleUrl(), "--offline");
    assertThat(r.out())
        .contains("numpy 1.26.4 has no free-threaded wheel")
        .contains("offline: not in the cache, not audited: six")
        .contains("FT308 six is not in the cache (offline)");
  }

  @Test
  void cacheInfoAndClean() throws Exception {
    Path dir = project("numpy==1.26.4\n");
    CliRun.Result none = CliRun.run(Components.standard(), dir, env(), "cache", "info");
    assertThat(none.out()).startsWith("No cache yet at ");
    deps(dir, "--index-url", index.simpleUrl());
    CliRun.Result info = CliRun.run(Components.standard(), dir, env(), "cache", "info");
    assertThat(info.exitCode()).isZero();
    assertThat(info.out()).contains("index-cache.sqlite").containsPattern("Entries: [1-9]\\d* \\(");
    CliRun.Result clean = CliRun.run(Components.standard(), dir, env(), "cache", "clean");
    assertThat(clean.out()).startsWith("Removed ");
    assertThat(CliRun.run(Components.standard(), dir, env(), "cache", "info").out())
        .contains("Entries: 0 (");
  }

  @Test
  void configNamesTheIndexAndTargetsAndFlagsWin() throws Exception {
    Path dir = project("numpy==1.26.4\n");
    Files.writeString(
        dir.resolve("pyproject.toml"),
        "[tool.ftscout]\nindex-url = \""
            + index.simpleUrl()
            + "\"\ntargets = [\"3.13t\"]\nplatforms = [\"win_amd64\"]\n");
    CliRun.Result fromConfig = deps(dir, "--requirements", "requirements.txt", "--format", "json");
    JsonNode tree = json.readTree(fromConfig.out());
    assertThat(tree.path("dependencies").path("targets").get(0).asText())
        .isEqualTo("3.13t/win_amd64");
    assertThat(tree.path("dependencies").path("indexes").get(0).asText())
        .startsWith(index.simpleUrl());
    CliRun.Result flag =
        deps(
            dir, "--requirements", "requirements.txt", "--index-url", "http://127.0.0.1:1/simple/");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).contains("cannot reach the package index http://127.0.0.1:1/simple/");
  }

  @Test
  void unknownExtrasAndGroupsAreUsageErrors() {
    CliRun.Result r = deps(DEMO, "--index-url", index.simpleUrl(), "--extra", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--extra nope: no input declares this extra (declared: legacy)");
    CliRun.Result g =
        deps(
            DEMO,
            "--index-url",
            index.simpleUrl(),
            "--group",
            "dev",
            "--extra",
            "legacy",
            "--format",
            "json");
    assertThat(g.exitCode()).as(g.err()).isIn(0, 1);
  }

  @Test
  void noInputsIsAUsageError() {
    CliRun.Result r = deps(tmp, "--index-url", index.simpleUrl());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no dependency inputs found");
  }
}
