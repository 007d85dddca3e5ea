package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.TestVenvs;
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
 * {@code ftscout deps examples/deps-demo} through the shipped jar, as a separate process, against
 * the loopback index: the blocker chains and the upgrade plan, then {@code cache info} on the cache
 * that run filled.
 */
class DepsJarIT {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run java(String... args) throws Exception {
    Path jar = Path.of(System.getProperty("ftscout.jar", "target/ftscout.jar"));
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("--enable-native-access=ALL-UNNAMED");
    argv.add("-jar");
    argv.add(jar.toString());
    argv.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .directory(TestVenvs.basedir().resolve("examples").toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> env = pb.environment();
    env.put("HOME", dir.resolve("home").toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    env.put("NO_COLOR", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theDemoShowsChainsAndPlanThroughTheJar() throws Exception {
    try (LoopbackIndex index =
        LoopbackIndex.fromFixture(
                TestVenvs.basedir().resolve("src/test/resources/deps/index/demo-index.json"))
            .start()) {
      Run r = java("deps", "deps-demo", "--index-url", index.simpleUrl());
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "    myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first free-threaded"
                  + " release 2.3.3\n",
              "    myapp → pyyaml 6.0.2: no cp313t wheel; no free-threaded release yet\n",
              "  bump pandas 2.1.0 → 2.3.3 for 3.13t/manylinux_2_28_x86_64,"
                  + " 3.14t/manylinux_2_28_x86_64\n",
              "    blocked: pandas needs >=2.3.3, but the project's pandas<2.2,>=2.1"
                  + " (pyproject.toml:7:6) forbids it\n",
              "  no free-threaded release to move to: fastjson 1.4.0: no free-threaded wheel"
                  + " released for 3.13t/manylinux_2_28_x86_64\n");
      Run info = java("cache", "info");
      assertThat(info.code()).isZero();
      assertThat(info.out()).containsPattern("Entries: [1-9]\\d* \\(");
    }
  }
}
