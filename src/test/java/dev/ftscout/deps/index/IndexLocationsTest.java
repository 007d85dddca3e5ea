package dev.ftscout.deps.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index URLs found the way pip and uv find them, from a temporary home and environment. */
class IndexLocationsTest {
  @TempDir Path home;

  @Test
  void explicitUrlsWin() {
    var r =
        new IndexLocations(Map.of("PIP_INDEX_URL", "http://127.0.0.1:1/pip/"), home, NO_PIP)
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
    var r = new IndexLocations(env, home, NO_PIP).resolve(List.of(), List.of(), Optional.empty());
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
            home,
            NO_PIP);
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
    var r =
        new IndexLocations(Map.of(), home, NO_PIP).resolve(List.of(), List.of(), Optional.empty());
    assertThat(r.urls()).containsExactly("http://127.0.0.1:9/conf/", "http://127.0.0.1:10/x/");
    assertThat(r.source()).isEqualTo(conf.toString());
  }

  @Test
  void otherwiseTheInterpretersPipIsAskedAndExtrasFromFlagsAddUp() {
    Path python = home.resolve("bin/python");
    List<Path> asked = new java.util.ArrayList<>();
    IndexLocations.PipDefaultIndex pip =
        p -> {
          asked.add(p);
          return Optional.of("http://127.0.0.1:11/pip-default/");
        };
    var locations = new IndexLocations(Map.of(), home, pip);
    var r = locations.resolve(List.of(), List.of(), Optional.of(python));
    assertThat(r.urls()).containsExactly("http://127.0.0.1:11/pip-default/");
    assertThat(r.source()).startsWith("pip default");
    assertThat(asked).containsExactly(python);
    var extra =
        locations.resolve(
            Optional.empty(), List.of("http://127.0.0.1:12/x/"), List.of(), Optional.of(python));
    assertThat(extra.urls())
        .containsExactly("http://127.0.0.1:11/pip-default/", "http://127.0.0.1:12/x/");
    var named =
        locations.resolve(
            Optional.of("http://127.0.0.1:13/flag/"),
            List.of("http://127.0.0.1:12/x/"),
            List.of("http://127.0.0.1:7/project/"),
            Optional.of(python));
    assertThat(named.urls()).containsExactly("http://127.0.0.1:13/flag/", "http://127.0.0.1:12/x/");
    assertThat(asked).as("a named default index needs no pip").hasSize(2);
  }

  private static final IndexLocations.PipDefaultIndex NO_PIP = p -> Optional.empty();
}
