package dev.ftscout.rules.cext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures and the sample are real code: every C fixture compiles with gcc against CPython
 * 3.13's headers (implicit declarations are errors, so every API a fixture or fix names exists),
 * every C++ fixture with g++ (pybind11 and nanobind headers from a real venv), and every Cython
 * fixture is accepted by Cython.
 */
class ExtensionFixturesCompileTest {
  private static List<Path> sources(String... extensions) throws IOException {
    List<Path> roots =
        List.of(
            TestVenvs.basedir().resolve("src/test/resources/rules"),
            TestVenvs.basedir().resolve("examples/c-extension-demo"));
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> Stream.of(extensions).anyMatch(e -> p.toString().endsWith(e)))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  private static void assertCompiles(List<Path> files, boolean cpp, List<Path> includes) {
    List<String> failures =
        files.parallelStream()
            .map(f -> {
              Toolchain.Result r =
                  Toolchain.run(Toolchain.syntaxCheck(cpp, f, includes), TestVenvs.basedir());
              return r.exit() == 0 ? "" : f + ":\n" + r.output();
            })
            .filter(s -> !s.isEmpty())
            .toList();
    assertThat(failures).as("compiler errors").isEmpty();
  }

  @Test
  void cFixturesAndSampleCompileAgainstPython313Headers() throws IOException {
    Assumptions.assumeTrue(Toolchain.has("gcc"), "gcc not on PATH");
    Path include = Toolchain.python313Include();
    List<Path> files = sources(".c");
    assertThat(files).hasSizeGreaterThan(15);
    assertCompiles(files, false, List.of(include));
  }

  @Test
  void cppFixturesCompileWithPybind11AndNanobind() throws IOException {
    Assumptions.assumeTrue(Toolchain.has("g++"), "g++ not on PATH");
    Path include = Toolchain.python313Include();
    TestVenvs.Venv venv = TestVenvs.venv("cext-headers");
    Path site = venv.sitePackages();
    List<Path> includes =
        List.of(
            include,
            site.resolve("pybind11/include"),
            site.resolve("nanobind/include"),
            site.resolve("nanobind/ext/robin_map/include"));
    List<Path> files = sources(".cpp");
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    assertCompiles(files, true, includes);
  }

  @Test
  void cythonFixturesAreAcceptedByCython(@TempDir Path tmp) throws IOException {
    TestVenvs.Venv venv = TestVenvs.venv("cext-headers");
    List<Path> files = sources(".pyx");
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    List<String> argv = new ArrayList<>(List.of(venv.python().toString(), "-m", "cython", "-3"));
    int n = 0;
    for (Path f : files) {
      Path copy = tmp.resolve("m" + n++ + "_" + f.getFileName());
      Files.copy(f, copy);
      argv.add(copy.toString());
    }
    Toolchain.Result r = Toolchain.run(argv, tmp);
    assertThat(r.exit()).as("cython output:\n%s", r.output()).isZero();
  }
}
