package dev.ftscout.runtime.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.runtime.discovery.Origin.Kind;
import dev.ftscout.runtime.ftdouble.FreeThreadedTestDouble;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery against temporary roots (HOME, PATH, pyenv, uv, conda, venv) laid out with symlinks to
 * the real interpreters on this machine and the free-threaded test double.
 */
class InterpreterDiscoveryTest {
  @TempDir Path tmp;
  private Path home;
  private Pythons.Python oldest;
  private Pythons.Python newest;
  private Pythons.Python middle;

  @BeforeEach
  void interpreters() throws IOException {
    List<Pythons.Python> all = Pythons.atLeast(3, 9);
    Assumptions.assumeTrue(all.size() >= 3, "needs three CPython >= 3.9 interpreters");
    oldest = all.get(0);
    middle = all.get(1);
    newest = all.get(all.size() - 1);
    home = Files.createDirectories(tmp.resolve("home"));
  }

  private InterpreterDiscovery discovery(Map<String, String> env) {
    return new InterpreterDiscovery(new ProcessRunner(), new DiscoveryRoots(env, home, false), tmp);
  }

  private static Path link(Path at, Path target) throws IOException {
    Files.createDirectories(at.getParent());
    return Files.createSymbolicLink(at, target);
  }

  @Test
  void findsEachKindOfInstallationUnderInjectedRoots() throws IOException {
    // pyenv: ~/.pyenv/versions/X/bin/python3
    link(home.resolve(".pyenv/versions/" + oldest.version() + "/bin/python3"), oldest.executable());
    // uv: a free-threaded installation (the test double) under UV_PYTHON_INSTALL_DIR
    Path uv = tmp.resolve("uv-python");
    FreeThreadedTestDouble dbl =
        FreeThreadedTestDouble.create(
            uv.resolve("cpython-3.13.0+freethreaded-linux-x86_64-gnu/bin"));
    // PATH: python3.X and a non-matching name that must be ignored
    Path bin = tmp.resolve("bin");
    link(bin.resolve("python" + newest.version()), newest.executable());
    link(bin.resolve("python" + newest.version() + "-config"), newest.executable());
    // conda: ~/.conda/environments.txt lists an env; CONDA_PREFIX names another
    Path condaEnv = tmp.resolve("conda/envs/ft");
    link(condaEnv.resolve("bin/python3"), middle.executable());
    Files.createDirectories(home.resolve(".conda"));
    Files.writeString(home.resolve(".conda/environments.txt"), condaEnv + "\n");
    // VIRTUAL_ENV: a real venv layout (pyvenv.cfg + bin/python), as `python -m venv` makes it
    Path venv = tmp.resolve("venv");
    link(venv.resolve("bin/python"), newest.executable());
    Files.writeString(
        venv.resolve("pyvenv.cfg"), "home = " + newest.executable().getParent() + "\n");

    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin.toString());
    env.put("UV_PYTHON_INSTALL_DIR", uv.toString());
    env.put("VIRTUAL_ENV", venv.toString());
    Discovery found = discovery(env).discover();

    assertThat(found.problems()).isEmpty();
    List<Interpreter> all = found.interpreters();
    assertThat(all)
        .extracting(i -> i.origins().get(0).kind())
        .containsExactly(Kind.VIRTUAL_ENV, Kind.PATH, Kind.PYENV, Kind.UV, Kind.CONDA);
    Interpreter venvPython = all.get(0);
    assertThat(venvPython.virtualEnvironment()).isTrue();
    assertThat(venvPython.prefix()).isEqualTo(venv.toString());
    Interpreter ft = all.get(3);
    assertThat(ft.path()).isEqualTo(dbl.executable());
    assertThat(ft.freeThreadedBuild()).isTrue();
    assertThat(ft.gilEnabled()).contains(false);
    assertThat(ft.abiFlags()).isEqualTo("t");
    assertThat(ft.extensionSuffix()).contains("-" + dbl.base().major() + dbl.base().minor() + "t-");
    assertThat(ft.shortVersion()).isEqualTo(dbl.base().version() + "t");
    Interpreter pyenv = all.get(2);
    assertThat(pyenv.version()).startsWith(oldest.version() + ".");
    assertThat(pyenv.freeThreadedBuild()).isFalse();
    assertThat(all.get(4).version()).startsWith(middle.version() + ".");
  }

  @Test
  void sameBinaryFoundTwiceIsOneInterpreterWithBothOrigins() throws IOException {
    Path versionDir = home.resolve(".pyenv/versions/" + newest.version());
    link(versionDir.resolve("bin/python3"), newest.executable());
    Map<String, String> env = Map.of("PATH", versionDir.resolve("bin").toString());
    List<Interpreter> all = discovery(env).find();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).origins())
        .extracting(Origin::kind)
        .containsExactly(Kind.PATH, Kind.PYENV);
  }

  @Test
  void explicitVariableComesFirstAndBrokenCandidatesAreProblems() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path broken = bin.resolve("python3.99");
    Files.writeString(broken, "#!/bin/sh\necho 'this python is broken' >&2\nexit 3\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
    FreeThreadedTestDouble dbl = FreeThreadedTestDouble.create(tmp.resolve("ft"));
    Map<String, String> env =
        Map.of(
            "PATH", bin.toString(), DiscoveryRoots.FT_PYTHON_VARIABLE, dbl.executable().toString());
    Discovery found = discovery(env).discover();
    assertThat(found.interpreters()).hasSize(1);
    assertThat(found.interpreters().get(0).origins().get(0).kind()).isEqualTo(Kind.EXPLICIT);
    assertThat(found.problems())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo(broken);
          assertThat(p.reason()).contains("exit code 3").contains("this python is broken");
        });
  }

  @Test
  void findsEveryRealInterpreterOnThisMachine() {
    List<Interpreter> found =
        new InterpreterDiscovery(new ProcessRunner(), DiscoveryRoots.ofSystem(), tmp).find();
    for (Pythons.Python p : Pythons.all()) {
      assertThat(found)
          .as("discovery misses %s", p.executable())
          .anySatisfy(i -> {
            assertThat(i.major()).isEqualTo(p.major());
            assertThat(i.minor()).isEqualTo(p.minor());
          });
    }
    for (Interpreter i : found) {
      assertThat(i.implementation()).isNotBlank();
      assertThat(i.extensionSuffix()).isNotBlank();
      if (i.major() == 3 && i.minor() >= 13) {
        assertThat(i.gilEnabled()).isPresent();
      } else {
        assertThat(i.gilEnabled()).isEmpty();
      }
      // A GIL build says so: on this machine none is free-threaded, and the ABI flags agree.
      assertThat(i.freeThreadedBuild()).isEqualTo(i.abiFlags().contains("t"));
    }
  }

  @Test
  void parsesCondaEnvList() {
    String out =
        """
        # conda environments:
        #
        base                  *  /opt/conda
        ft                       /opt/conda/envs/ft 3.14
                                 /home/u/other env
        win                      C:\\Users\\u\\miniconda3\\envs\\win
        """;
    assertThat(InterpreterDiscovery.parseCondaEnvs(out))
        .containsExactly(
            "/opt/conda",
            "/opt/conda/envs/ft 3.14",
            "/home/u/other env",
            "C:\\Users\\u\\miniconda3\\envs\\win");
  }

  @Test
  void parsesPyLauncherList() {
    String out =
        """
         -V:3.14t *       C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python314\\python3.14t.exe
         -V:3.14          C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python314\\python.exe
         -3.11-64         C:\\Program Files\\Python311\\python.exe
        """;
    assertThat(InterpreterDiscovery.parsePyLauncher(out))
        .containsExactly(
            "C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python314\\python3.14t.exe",
            "C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python314\\python.exe",
            "C:\\Program Files\\Python311\\python.exe");
  }
}
