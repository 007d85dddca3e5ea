package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.model.Version;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Golden;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ftscout check} on the sample project, in every format, against golden files: the verdict,
 * its reasons and next steps, findings of every static family, and the dependency table. Only what
 * differs between machines is replaced before comparing: the project's absolute path, the loopback
 * index's port and the tool version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckReportsGoldenTest {
  private static final Path SAMPLE = TestVenvs.basedir().resolve("examples/sample-app");

  @TempDir Path tmp;
  private LoopbackIndex index;

  @BeforeAll
  void startIndex() {
    index =
        LoopbackIndex.fromFixture(
                TestVenvs.basedir().resolve("src/test/resources/deps/index/demo-index.json"))
            .start();
  }

  @AfterAll
  void stopIndex() {
    index.close();
  }

  private String check(String format) {
    Map<String, String> env = index.userEnvironment(tmp);
    CliRun.Result r =
        CliRun.run(
            Components.standard(),
            SAMPLE,
            env,
            "check",
            "--format",
            format,
            "--platform",
            "manylinux_2_28_x86_64");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    return r.out()
        .replace(SAMPLE.toString(), "/project")
        .replace(index.simpleUrl(), "http://127.0.0.1:PORT/simple/")
        .replace(Version.current(), "0.0.0-test");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "markdown", "html"})
  void matchesGolden(String format) {
    String out = check(format);
    switch (format) {
      case "json" -> assertThat(Schemas.reportErrors(out)).isEmpty();
      case "sarif" -> assertThat(Schemas.sarifErrors(out)).isEmpty();
      default -> assertThat(out).contains("No");
    }
    String ext =
        switch (format) {
          case "text" -> "txt";
          case "markdown" -> "md";
          default -> format;
        };
    Golden.assertMatches("check-sample-app." + ext, out);
  }
}
