package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Schemas;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ftscout check} over realistic project shapes (under {@code src/test/resources/projects/}):
 * each gives its expected verdict and top reason. The audit runs against a loopback index serving
 * {@code projects/index.json}; everything else is the real command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectShapesTest {
  private static final Path PROJECTS = TestVenvs.basedir().resolve("src/test/resources/projects");

  @TempDir Path tmp;
  private LoopbackIndex index;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void startIndex() {
    index = LoopbackIndex.fromFixture(PROJECTS.resolve("index.json")).start();
  }

  @AfterAll
  void stopIndex() {
    index.close();
  }

  private JsonNode check(String project) throws IOException {
    Map<String, String> env = index.userEnvironment(tmp);
    CliRun.Result r =
        CliRun.run(
            Components.standard(),
            PROJECTS.resolve(project),
            env,
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            // The index's wheels are built for this platform; pinning it keeps the verdicts the
            // same on any machine.
            "--platform",
            "manylinux_2_28_x86_64");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Schemas.reportErrors(r.out())).isEmpty();
    return json.readTree(r.out());
  }

  @ParameterizedTest(name = "{0}: {1} because {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          flask-io-app             | No    | V05 | I/O-bound
          asyncio-service          | No    | V05 | I/O-bound
          thread-pool-downloader   | No    | V05 | I/O-bound
          django-postgres-app      | No    | V01 | psycopg2-binary@2.9.10
          yaml-config-tool         | No    | V01 | pyyaml@6.0.2
          cext-no-declaration      | No    | V03 | _crc
          cython-ext               | No    | V03 | _dot
          pybind11-ext             | No    | V03 | _geom
          pyo3-crate               | No    | V03 | tokencount
          multiprocessing-pipeline | Maybe | V06 | Pool
          threaded-hazards         | Maybe | V08 | FT101
          cext-conditional         | Maybe | V09 | _crc
          unknown-deps             | Maybe | V13 | internal-auth
          numpy-scipy-threads      | Maybe | V12 | 2 binary, all with free-threaded wheels
          pure-library             | Maybe | V12 | Every dependency is pure Python
          cext-declared            | Maybe | V12 | No dependency stands in the way
          scripts-only             | Maybe | V13 | the project declares none
          """)
  void shapeGivesItsVerdictAndTopReason(
      String project, String verdict, String topRule, String evidence) throws IOException {
    JsonNode v = check(project).path("verdict");
    String reasons = v.path("reasons").toPrettyString();
    assertThat(v.path("verdict").asText()).as(reasons).isEqualTo(verdict);
    assertThat(v.path("confidence").asText()).isEqualTo("static");
    assertThat(v.path("failedParts")).as(reasons).isEmpty();
    JsonNode top = v.path("reasons").get(0);
    assertThat(top.path("rule").asText()).as(reasons).isEqualTo(topRule);
    assertThat(top.path("title").asText() + " " + top.path("evidence").toString())
        .as(reasons)
        .contains(evidence);
  }

  @Test
  void everyShapeIsInTheTable() throws IOException {
    try (Stream<Path> dirs = Files.list(PROJECTS)) {
      List<String> shapes =
          dirs.filter(Files::isDirectory)
              .map(d -> d.getFileName().toString())
              .filter(n -> !n.equals("words"))
              .sorted()
              .toList();
      assertThat(shapes).hasSizeGreaterThanOrEqualTo(15);
      String source =
          Files.readString(
              TestVenvs.basedir().resolve("src/test/java/dev/ftscout/cli/ProjectShapesTest.java"));
      assertThat(shapes).allSatisfy(s -> assertThat(source).contains("\n          " + s + " "));
    }
  }
}
