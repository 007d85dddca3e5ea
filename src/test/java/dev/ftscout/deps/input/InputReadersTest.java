package dev.ftscout.deps.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftscout.deps.DepsInputException;
import dev.ftscout.deps.pep440.Version;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input format, read from real-looking fixture files. */
class InputReadersTest {
  private static final Path DIR = TestVenvs.basedir().resolve("src/test/resources/deps/inputs");
  private final InputReaders readers =
      new InputReaders(Map.of("FTSCOUT_TEST_INDEX", "http://127.0.0.1:9/simple/"));

  private static DeclaredDependency dep(DependencyInput in, String name) {
    return in.dependencies().stream()
        .filter(d -> d.canonicalName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not read"));
  }

  @Test
  void requirementsFilesWithIncludesConstraintsHashesMarkersAndUrls() {
    DependencyInput in = readers.read(DIR.resolve("requirements/requirements.txt"));
    assertThat(in.format()).isEqualTo(InputFormat.REQUIREMENTS);
    assertThat(in.indexUrls()).containsExactly("http://127.0.0.1:9/simple/");
    assertThat(in.dependencies())
        .extracting(DeclaredDependency::canonicalName)
        .containsExactly(
            "requests",
            "charset-normalizer",
            "numpy",
            "pandas",
            "pyyaml",
            "internal-tools",
            "custom-ext",
            "localpkg");
    DeclaredDependency numpy = dep(in, "numpy");
    assertThat(numpy.specifier().toString()).isEqualTo("==1.26.4");
    assertThat(numpy.location().line()).isEqualTo(6);
    assertThat(numpy.location().column()).isEqualTo(1);
    DeclaredDependency pandas = dep(in, "pandas");
    assertThat(pandas.extras()).containsExactly("performance");
    assertThat(pandas.marker()).isPresent();
    assertThat(pandas.location().line()).isEqualTo(8);
    assertThat(dep(in, "requests").location().file().getFileName().toString())
        .isEqualTo("requirements-base.txt");
    assertThat(dep(in, "internal-tools").kind()).isEqualTo(DependencyKind.EDITABLE);
    assertThat(dep(in, "custom-ext").kind()).isEqualTo(DependencyKind.URL);
    assertThat(dep(in, "localpkg").kind()).isEqualTo(DependencyKind.LOCAL_PATH);
    assertThat(in.constraints())
        .extracting(DeclaredDependency::canonicalName)
        .containsExactly("urllib3");
  }

  @Test
  void aBadRequirementNamesFileLineAndColumn() {
    Path bad = DIR.resolve("requirements/requirements-bad.txt");
    assertThatThrownBy(() -> readers.read(bad))
        .isInstanceOf(DepsInputException.class)
        .hasMessageStartingWith(bad + ":2:6: invalid requirement");
  }

  @Test
  void pyprojectReadsPep621Pep735PoetryAndUvIndexes() {
    DependencyInput in = readers.read(DIR.resolve("pyproject/pyproject.toml"));
    assertThat(in.indexUrls()).containsExactly("https://packages.internal.example.org/simple");
    assertThat(in.roots()).containsExactly("fastapi", "numpy", "orjson", "lxml", "internal");
    assertThat(dep(in, "numpy").location().line()).isEqualTo(7);
    assertThat(dep(in, "numpy").location().column()).isEqualTo(6);
    assertThat(dep(in, "pyarrow").group()).contains("extra:parquet");
    assertThat(
            in.dependencies().stream()
                .filter(d -> d.group().equals(java.util.Optional.of("group:dev"))))
        .extracting(DeclaredDependency::canonicalName)
        .containsExactlyInAnyOrder("pytest", "hypothesis", "ruff");
    assertThat(dep(in, "lxml").specifier().toString()).isEqualTo("<6,>=5.2");
    assertThat(dep(in, "msgpack").specifier().toString()).isEqualTo("<1.1,>=1.0.8");
    assertThat(dep(in, "internal").kind()).isEqualTo(DependencyKind.VCS);
    assertThat(dep(in, "sphinx").specifier().isEmpty()).isTrue();
  }

  @Test
  void uvLockGivesPinsEdgesAndTheRootPackagesDependencies() {
    DependencyInput in = readers.read(DIR.resolve("locks/uv.lock"));
    assertThat(in.format().locked()).isTrue();
    assertThat(in.roots()).containsExactly("fastjson", "pandas", "pyyaml", "requests");
    DeclaredDependency pandas = dep(in, "pandas");
    assertThat(pandas.pinned()).contains(Version.parse("2.1.0"));
    assertThat(pandas.dependsOn()).contains("numpy", "tzdata");
    assertThat(pandas.location().line())
        .isEqualTo(in.source().equals(pandas.location().file()) ? pandas.location().line() : -1);
    assertThat(in.indexUrls()).containsExactly("https://index.example.org/simple");
  }

  @Test
  void poetryLockPipfileLockAndPylock() {
    DependencyInput poetry = readers.read(DIR.resolve("locks/poetry.lock"));
    assertThat(dep(poetry, "numpy").pinned()).contains(Version.parse("1.26.4"));
    assertThat(dep(poetry, "pandas").dependsOn())
        .containsExactly("numpy", "python-dateutil", "pytz", "tzdata");
    assertThat(dep(poetry, "pandas").location().line()).isEqualTo(15);

    DependencyInput pipenv = readers.read(DIR.resolve("locks/Pipfile.lock"));
    assertThat(pipenv.indexUrls()).containsExactly("https://packages.internal.example.org/simple");
    assertThat(dep(pipenv, "numpy").marker()).isPresent();
    assertThat(dep(pipenv, "pytest").group()).contains("group:develop");

    DependencyInput pylock = readers.read(DIR.resolve("locks/pylock.toml"));
    assertThat(dep(pylock, "numpy").pinned()).contains(Version.parse("2.3.3"));
    assertThat(dep(pylock, "pywin32").marker()).isPresent();
    assertThat(dep(pylock, "myplugin").kind()).isEqualTo(DependencyKind.LOCAL_PATH);
  }

  @Test
  void condaEnvironmentAuditsThePipSectionAndListsCondaPackages() {
    DependencyInput in = readers.read(DIR.resolve("conda/environment.yml"));
    assertThat(dep(in, "numpy").kind()).isEqualTo(DependencyKind.CONDA);
    assertThat(dep(in, "libgdal").kind()).isEqualTo(DependencyKind.CONDA);
    assertThat(dep(in, "requests").kind()).isEqualTo(DependencyKind.INDEX);
    assertThat(dep(in, "pyyaml").location().line()).isEqualTo(12);
    assertThat(in.indexUrls()).containsExactly("https://packages.internal.example.org/simple");
  }

  @Test
  void badTomlAndBadDependenciesNameTheirLine() {
    Path lock = DIR.resolve("bad/uv.lock");
    assertThatThrownBy(() -> readers.read(lock))
        .isInstanceOf(DepsInputException.class)
        .satisfies(e -> assertThat(((DepsInputException) e).line()).isEqualTo(6));
    Path py = DIR.resolve("bad/pyproject.toml");
    assertThatThrownBy(() -> readers.read(py))
        .isInstanceOf(DepsInputException.class)
        .hasMessageStartingWith(py + ":6:");
  }

  @Test
  void detectPrefersALockAndKeepsPyprojectForTheDirectDependencies(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("uv.lock"), "version = 1\n");
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname='x'\n");
    Files.writeString(dir.resolve("requirements-dev.txt"), "pytest\n");
    assertThat(readers.detect(dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("uv.lock", "pyproject.toml");
    Files.delete(dir.resolve("uv.lock"));
    assertThat(readers.detect(dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("pyproject.toml", "requirements-dev.txt");
  }

  @Test
  void aRealInstalledEnvironmentIsReadFromItsDistInfo() {
    TestVenvs.Venv venv = TestVenvs.venv("packaging");
    DependencyInput in = readers.readEnvironment(venv.dir());
    DeclaredDependency packaging = dep(in, "packaging");
    assertThat(packaging.pinned()).contains(Version.parse("26.4"));
    assertThat(in.localMetadata()).containsKey("packaging");
    assertThat(in.roots()).contains("packaging").doesNotContain("pip");
    assertThat(readers.readEnvironment(venv.sitePackages()).dependencies())
        .hasSameSizeAs(in.dependencies());
    assertThat(List.of(in.format())).containsExactly(InputFormat.INSTALLED_ENVIRONMENT);
  }
}
