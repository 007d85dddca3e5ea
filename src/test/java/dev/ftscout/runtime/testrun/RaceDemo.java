package dev.ftscout.runtime.testrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh copy of {@code examples/race-demo} for one test, optionally with its C extension built.
 */
final class RaceDemo {
  private RaceDemo() {}

  static Path copy(Path into) {
    Path source = TestVenvs.basedir().resolve("examples/race-demo");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path target = into.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.toString().contains("__pycache__")) {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return into;
  }

  /** Builds {@code native/legacy.c} as {@code native/_legacy} for {@code python} with gcc. */
  static void buildLegacyExtension(Path project, Path python) {
    Path gcc = Path.of("/usr/bin/gcc");
    Assumptions.assumeTrue(Files.isExecutable(gcc), "gcc is needed to build the demo extension");
    String include =
        run(python, project, "import sysconfig; print(sysconfig.get_paths()['include'])");
    String suffix =
        run(python, project, "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))");
    ProcessResult r =
        exec(
            List.of(
                gcc.toString(),
                "-shared",
                "-fPIC",
                "-O0",
                "-I" + include,
                project.resolve("native/legacy.c").toString(),
                "-o",
                project.resolve("native/_legacy" + suffix).toString()),
            project);
    assertThat(r.succeeded()).as("gcc: %s", r.stderr()).isTrue();
  }

  private static String run(Path python, Path dir, String code) {
    ProcessResult r = exec(List.of(python.toString(), "-c", code), dir);
    assertThat(r.succeeded()).as("%s: %s", code, r.stderr()).isTrue();
    return r.stdout().strip();
  }

  private static ProcessResult exec(List<String> argv, Path dir) {
    try {
      return new ProcessRunner()
          .run(
              ProcessSpec.of(argv, Map.of("PATH", "/usr/bin:/bin"), dir)
                  .withTimeout(Duration.ofMinutes(2)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
