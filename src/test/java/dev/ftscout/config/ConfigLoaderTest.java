package dev.ftscout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftscout.model.Severity;
import dev.ftscout.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;
  private final ConfigLoader loader = new ConfigLoader();

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsToolTableOfPyproject() throws IOException {
    write(
        "pyproject.toml",
        """
        [project]
        name = "demo"
        requires-python = ">=3.10,<4"

        [tool.ftscout]
        select = ["FT2"]
        ignore = ["FT203"]
        exclude = ["vendored", "third_party/**"]
        fail-on = "error"
        severity = { FT202 = "error" }
        baseline = "ci/baseline.json"
        """);
    Config c = loader.load(dir, Optional.empty());
    assertThat(c.root()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(c.source()).contains(dir.resolve("pyproject.toml").toAbsolutePath().normalize());
    assertThat(c.rules().select()).containsExactly("FT2");
    assertThat(c.rules().ignore()).containsExactly("FT203");
    assertThat(c.exclude()).containsExactly("vendored", "third_party/**");
    assertThat(c.failOn()).isEqualTo(FailOn.ERROR);
    assertThat(c.severityOf("FT202", Severity.WARNING)).isEqualTo(Severity.ERROR);
    assertThat(c.severityOf("FT201", Severity.WARNING)).isEqualTo(Severity.WARNING);
    assertThat(c.targetVersion()).isEqualTo("3.10");
    assertThat(c.baseline()).contains(dir.resolve("ci/baseline.json").toAbsolutePath().normalize());
  }

  @Test
  void ftscoutTomlWinsAndIsFoundFromASubfolder() throws IOException {
    write("pyproject.toml", "[tool.ftscout]\nfail-on = \"info\"\n");
    write("ftscout.toml", "fail-on = \"never\"\ntarget-version = \"py39\"\n");
    Path sub = Files.createDirectories(dir.resolve("src/pkg"));
    Config c = loader.load(sub, Optional.empty());
    assertThat(c.failOn()).isEqualTo(FailOn.NEVER);
    assertThat(c.targetVersion()).isEqualTo("3.9");
    assertThat(c.root()).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void pyprojectWithoutToolTableIsSkippedButGivesTheTarget() throws IOException {
    write("pyproject.toml", "[project]\nname='x'\nrequires-python = '~=3.11'\n");
    Config c = loader.load(dir, Optional.empty());
    assertThat(c.source()).isEmpty();
    assertThat(c.targetVersion()).isEqualTo("3.11");
    assertThat(c.failOn()).isEqualTo(FailOn.WARNING);
  }

  @Test
  void noConfigGivesDefaults() {
    Config c = loader.load(dir, Optional.empty());
    assertThat(c.rules().select()).isEmpty();
    assertThat(c.targetVersion()).isEqualTo(ConfigSchema.DEFAULT_TARGET_VERSION);
  }

  @Test
  void unknownKeyNamesFileLineAndSuggestsTheKey() throws IOException {
    Path f =
        write("pyproject.toml", "[project]\nname = 'x'\n\n[tool.ftscout]\nselct = [\"FT2\"]\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .isInstanceOf(UserError.class)
        .hasMessage(f + ":5: unknown key 'tool.ftscout.selct' (did you mean 'select'?)");
  }

  @Test
  void wrongTypeNamesTheKey() throws IOException {
    Path f = write("ftscout.toml", "# settings\nselect = \"FT2\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .isInstanceOf(UserError.class)
        .hasMessage(f + ":2: 'select' must be an array of strings");
  }

  @Test
  void badSeverityValue() throws IOException {
    Path f = write("ftscout.toml", "[severity]\nFT201 = \"fatal\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .isInstanceOf(UserError.class)
        .hasMessage(f + ":2: 'severity.FT201' must be error, warning or info");
  }

  @Test
  void badFailOnAndTarget() throws IOException {
    write("ftscout.toml", "fail-on = \"sometimes\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .hasMessageEndingWith(":1: 'fail-on' must be one of error, warning, info, never");
    write("ftscout.toml", "target-version = \"2.7\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .hasMessageEndingWith(":1: 'target-version' must look like 3.12 or py312, got '2.7'");
  }

  @Test
  void invalidTomlGivesLineAndColumn() throws IOException {
    Path f = write("pyproject.toml", "[tool.ftscout]\nselect = [\"FT2\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(f + ":")
        .hasMessageContaining("invalid TOML");
  }

  @Test
  void explicitConfigMustExist() {
    assertThatThrownBy(() -> loader.load(dir, Optional.of(dir.resolve("nope.toml"))))
        .isInstanceOf(UserError.class)
        .hasMessageEndingWith("nope.toml: config file not found");
  }

  @Test
  void cliOverridesReplaceSelectAndExtendIgnore() throws IOException {
    write("ftscout.toml", "select = [\"FT2\"]\nignore = [\"FT203\"]\nexclude = [\"a\"]\n");
    Config c =
        loader
            .load(dir, Optional.empty())
            .with(
                new CliOverrides(
                    Optional.of(java.util.List.of("FT201")),
                    java.util.List.of("FT204"),
                    java.util.List.of("b"),
                    Optional.of(FailOn.INFO),
                    Optional.of("3.12"),
                    Optional.empty()));
    assertThat(c.rules().select()).containsExactly("FT201");
    assertThat(c.rules().ignore()).containsExactly("FT203", "FT204");
    assertThat(c.exclude()).containsExactly("a", "b");
    assertThat(c.failOn()).isEqualTo(FailOn.INFO);
    assertThat(c.targetVersion()).isEqualTo("3.12");
  }

  @Test
  void everySchemaKeyIsAcceptedByTheLoader() throws IOException {
    StringBuilder toml = new StringBuilder();
    for (ConfigSchema.Setting s : ConfigSchema.SETTINGS) {
      String value =
          switch (s.key()) {
            case "severity" -> "{ FT201 = \"info\" }";
            case "fail-on" -> "\"error\"";
            case "target-version" -> "\"3.12\"";
            case "baseline" -> "\"b.json\"";
            case "index-url" -> "\"http://127.0.0.1/simple/\"";
            case "inspect-sources", "probe", "bench" -> "true";
            case "test" -> "\"python -m pytest\"";
            default -> "[]";
          };
      toml.append(s.key()).append(" = ").append(value).append('\n');
    }
    write("ftscout.toml", toml.toString());
    assertThat(loader.load(dir, Optional.empty()).source()).isPresent();
  }

  @Test
  void readsTheDependencyAuditSettings() throws IOException {
    write(
        "pyproject.toml",
        """
        [tool.ftscout]
        index-url = "http://127.0.0.1:8080/simple/"
        extra-index-urls = ["http://127.0.0.1:8081/internal/"]
        find-links = ["wheels"]
        targets = ["3.13t", "3.14t"]
        platforms = ["manylinux_2_28_x86_64", "macosx_11_0_arm64"]
        inspect-sources = true
        """);
    DependencySettings d = loader.load(dir, Optional.empty()).dependencies();
    assertThat(d.indexUrl()).contains("http://127.0.0.1:8080/simple/");
    assertThat(d.extraIndexUrls()).containsExactly("http://127.0.0.1:8081/internal/");
    assertThat(d.findLinks()).containsExactly(dir.resolve("wheels").toAbsolutePath().normalize());
    assertThat(d.targets()).containsExactly("3.13t", "3.14t");
    assertThat(d.platforms()).containsExactly("manylinux_2_28_x86_64", "macosx_11_0_arm64");
    assertThat(d.inspectSources()).isTrue();
    assertThat(Config.defaults(dir).dependencies()).isEqualTo(DependencySettings.none());
  }

  @Test
  void badDependencySettingsNameTheLine() throws IOException {
    Path f = write("ftscout.toml", "# audit\nindex-url = \"not a url\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .isInstanceOf(UserError.class)
        .hasMessage(f + ":2: 'index-url' must be an http(s) or file URL, got 'not a url'");
    write("ftscout.toml", "targets = [\"3.14t\", \"fourteen\"]\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .hasMessageEndingWith(":1: 'targets' entry 'fourteen' does not look like 3.14t");
    write("ftscout.toml", "inspect-sources = \"yes\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .hasMessageEndingWith(":1: 'inspect-sources' must be true or false");
    write("ftscout.toml", "extra-index-urls = [\"ftp://x\"]\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .hasMessageEndingWith(
            ":1: 'extra-index-urls' must be an http(s) or file URL, got 'ftp://x'");
  }

  @Test
  void readsTheRuntimePartsCheckRunsUnasked() throws IOException {
    write(
        "pyproject.toml",
        """
        [tool.ftscout]
        probe = true
        test = "python -m pytest -x tests"
        bench = false
        """);
    CheckSettings c = loader.load(dir, Optional.empty()).checks();
    assertThat(c)
        .isEqualTo(new CheckSettings(true, Optional.of("python -m pytest -x tests"), false));
    assertThat(Config.defaults(dir).checks()).isEqualTo(CheckSettings.none());
    write("ftscout.toml", "\n\nprobe = \"yes\"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .hasMessageEndingWith(":3: 'probe' must be true or false");
    write("ftscout.toml", "test = \"  \"\n");
    assertThatThrownBy(() -> loader.load(dir, Optional.empty()))
        .hasMessageEndingWith(":1: 'test' must name a command");
  }
}
