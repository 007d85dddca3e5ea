package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's launcher as users run it: the README's first command on the sample project, and
 * the pre-commit hook this repository publishes, checked by pre-commit itself and run the way
 * pre-commit runs a {@code script} hook. Runs after {@code package}, so the launcher finds a fresh
 * jar and does not build.
 */
class LauncherIT {
  private static final Path REPO = TestVenvs.basedir();

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private Run run(List<String> argv, Path cwd, Map<String, String> env)
      throws IOException, InterruptedException {
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .directory(cwd.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", argv)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void readmeFirstCommandGivesTheVerdictOnTheSampleProject() throws Exception {
    String first =
        Files.readString(REPO.resolve("README.md"))
            .lines()
            .filter(l -> l.startsWith("./ftscout "))
            .findFirst()
            .orElseThrow();
    assertThat(first).isEqualTo("./ftscout check examples/sample-app");
    try (LoopbackIndex index =
        LoopbackIndex.fromFixture(REPO.resolve("src/test/resources/deps/index/demo-index.json"))
            .start()) {
      Run r =
          run(
              List.of(REPO.resolve("ftscout").toString(), "check", "examples/sample-app"),
              REPO,
              index.userEnvironment(tmp));
      assertThat(r.err()).doesNotContain("building");
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.out())
          .startsWith("Verdict: No (confidence: static)\nWhy\n")
          .contains(
              "numpy@1.26.4: tilestats → numpy 1.26.4: no cp314t wheel",
              "own extension module does not declare GIL-free support",
              "src/tilestats/_fastsum.c",
              "FT101",
              "Next steps",
              "$ ftscout check examples/sample-app --probe");
    }
  }

  @Test
  void preCommitHookIsValidAndRunsAsPreCommitRunsIt() throws Exception {
    TestVenvs.Venv venv = TestVenvs.venv("pre-commit");
    Path manifest = REPO.resolve(".pre-commit-hooks.yaml");
    Run valid =
        run(
            List.of(
                venv.python().toString(),
                "-m",
                "pre_commit",
                "validate-manifest",
                manifest.toString()),
            tmp,
            Map.of());
    assertThat(valid.code()).as(valid.out() + valid.err()).isZero();

    Run loaded =
        run(
            List.of(
                venv.python().toString(),
                "-c",
                """
                import json, sys
                from pre_commit.clientlib import load_manifest
                json.dump(load_manifest(sys.argv[1]), sys.stdout)
                """,
                manifest.toString()),
            tmp,
            Map.of());
    assertThat(loaded.code()).as(loaded.err()).isZero();
    JsonNode hook = new ObjectMapper().readTree(loaded.out()).get(0);
    assertThat(hook.path("id").asText()).isEqualTo("ftscout-scan");
    // pre-commit 4.4 loads `script` as its new name `unsupported_script`; older releases know
    // only `script`, which is why the manifest keeps the old name.
    assertThat(hook.path("language").asText()).isIn("script", "unsupported_script");
    assertThat(hook.path("pass_filenames").asBoolean()).isFalse();

    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(
        project.resolve("counter.py"),
        """
        import threading

        hits = 0


        def hit():
            global hits
            hits += 1


        threading.Thread(target=hit).start()
        """);
    // pre-commit runs a script hook as <hook repository>/<first word of entry> <rest> <args>.
    String[] entry = hook.path("entry").asText().split(" ");
    List<String> argv = new ArrayList<>();
    argv.add(REPO.resolve(entry[0]).toString());
    argv.addAll(List.of(entry).subList(1, entry.length));
    Map<String, String> env = Map.of("NO_COLOR", "1", "HOME", tmp.resolve("home").toString());
    Run dirty = run(argv, project, env);
    assertThat(dirty.code()).as(dirty.err()).isEqualTo(1);
    assertThat(dirty.out()).contains("counter.py:8:5 FT101");

    Files.writeString(
        project.resolve("counter.py"),
        """
        import threading

        hits = 0
        lock = threading.Lock()


        def hit():
            global hits
            with lock:
                hits += 1


        threading.Thread(target=hit).start()
        """);
    Run clean = run(argv, project, env);
    assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
  }
}
