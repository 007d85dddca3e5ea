package dev.ftscout.deps.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index URLs found the way pip and uv find them, from a temporary home and environment. */
class IndexLocationsTest {
  @TempDir Path home;

  @Test
  void explicitUrlsWin() {
    var r =
        new IndexLocations(Map.of("PIP_INDEX_URL", "http://127.0.0.1:1/pip/"), home)
            .resolve(List.of("http://127.0.0.1:2/flag/"), List.of(), Optional.empty());
    assertThat(r.urls()).containsExactly("http://127.0.0.1:2/flag/");
  }

  @Test
  void uvVariablesComeBeforePipVariablesAndExtrasAddUp() {
    var env =
        Map.of(
            "UV_DEFAULT_INDEX", "http://127.0.0.1:3/uv/",
            "UV_INDEX", "internal=http://127.0.0.1:4/internal/ http://127.0.0.1:5/other/",
            "PIP_INDEX_URL", "http://127.0.0.1:1/pip/");
    var r = new IndexLocations(env, home).resolve(List.of(), List.of(), Optional.empty());
    assertThat(r.urls())
        .containsExactly(
            "http://127.0.0.1:3/uv/", "http://127.0.0.1:4/internal/", "http://127.0.0.1:5/other/");
  }

  @Test
  void projectIndexesThenUvTomlThenPipVariables() throws Exception {
    var locations =
        new IndexLocations(
            Map.of(
                "PIP_INDEX_URL",
                "http://127.0.0.1:1/pip/",
                "PIP_EXTRA_INDEX_URL",
                "http://127.0.0.1:6/extra/"),
            home);
    assertThat(
            locations
                .resolve(List.of(), List.of("http://127.0.0.1:7/project/"), Optional.empty())
                .urls())
        .containsExactly("http://127.0.0.1:7/project/");
    assertThat(locations.resolve(List.of(), List.of(), Optional.empty()).urls())
        .containsExactly("http://127.0.0.1:1/pip/", "http://127.0.0.1:6/extra/");
    Path uv = Files.createDirectories(home.resolve(".config/uv")).resolve("uv.toml");
    Files.writeString(
        uv, "[[index]]\nname = \"corp\"\nurl = \"http://127.0.0.1:8/corp/\"\ndefault = true\n");
    assertThat(locations.resolve(List.of(), List.of(), Optional.empty()).urls())
        .first()
        .isEqualTo("http://127.0.0.1:8/corp/");
  }

  @Test
  void pipConfFilesAreRead() throws Exception {
    Path conf = Files.createDirectories(home.resolve(".config/pip")).resolve("pip.conf");
    Files.writeString(
        conf,
        "[global]\ntimeout = 60\nindex-url = http://127.0.0.1:9/conf/\nextra-index-url = http://127.0.0.1:10/x/\n");
    var r = new IndexLocations(Map.of(), home).resolve(List.of(), List.of(), Optional.empty());
    assertThat(r.urls()).containsExactly("http://127.0.0.1:9/conf/", "http://127.0.0.1:10/x/");
    assertThat(r.source()).isEqualTo(conf.toString());
  }

  @Test
  void otherwiseTheInterpretersPipIsAsked() {
    Optional<Pythons.Python> python = Pythons.forVenvs();
    Assumptions.assumeTrue(python.isPresent(), "no CPython interpreter found");
    Path venvPython = TestVenvs.venv("packaging").python();
    var r =
        new IndexLocations(Map.of(), home).resolve(List.of(), List.of(), Optional.of(venvPython));
    assertThat(r.urls()).hasSize(1);
    assertThat(r.urls().get(0)).matches("https?://.+/simple/?");
    assertThat(r.source()).startsWith("pip default");
  }
}
