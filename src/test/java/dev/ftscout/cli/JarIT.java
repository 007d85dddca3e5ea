package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped jar, run as a separate process the way the launcher runs it. */
class JarIT {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("ftscout.jar", "target/ftscout.jar"));
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("--enable-native-access=ALL-UNNAMED");
    argv.add("-jar");
    argv.add(jar.toString());
    argv.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p =
        new ProcessBuilder(argv)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionHelpAndExitCodes() throws Exception {
    Run v = java("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).matches("ftscout \\d+\\.\\d+\\.\\d+.*\\n");
    Run help = java("--help");
    assertThat(help.out()).contains("scan", "rules");
    Run usage = java("scan", "--no-such-flag");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).contains("Unknown option: '--no-such-flag'");
    Run missing = java("scan", "does-not-exist");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("does-not-exist: no such file or folder");
  }

  @Test
  void rulesShipTheirDocPages() throws Exception {
    Run list = java("rules", "--format", "json");
    assertThat(list.code()).isZero();
    assertThat(list.out()).startsWith("[");
  }
}
