package dev.ftscout.rules.cext;

import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The real compilers and CPython headers the compile tests use. */
final class Toolchain {
  private Toolchain() {}

  /** What a finished process printed and returned. */
  record Result(int exit, String output) {}

  /** Runs a command with both streams merged, failing the test on a timeout. */
  static Result run(List<String> argv, Path cwd) {
    try {
      Process p =
          new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + argv);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The include folder of CPython 3.13 (the first release with the free-threading API). */
  static Path python313Include() {
    Optional<Pythons.Python> py = Pythons.version(3, 13);
    if (py.isEmpty()) {
      Assumptions.abort(
          "no CPython 3.13 interpreter found (pyenv or PATH): its headers are needed");
    }
    Result r =
        run(
            List.of(
                py.get().executable().toString(),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['include'])"),
            Path.of("."));
    Path include = Path.of(r.output().strip());
    if (r.exit() != 0 || !Files.isRegularFile(include.resolve("Python.h"))) {
      Assumptions.abort("CPython 3.13 has no headers at " + include);
    }
    return include;
  }

  /** Whether a compiler is on PATH. */
  static boolean has(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** {@code gcc -fsyntax-only} (or g++) with the given include folders; the full argv. */
  static List<String> syntaxCheck(boolean cpp, Path file, List<Path> includes) {
    List<String> argv = new ArrayList<>();
    argv.add(cpp ? "g++" : "gcc");
    argv.add(cpp ? "-std=c++17" : "-std=c11");
    argv.add("-fsyntax-only");
    argv.add("-Wall");
    if (!cpp) {
      argv.add("-Werror=implicit-function-declaration");
      argv.add("-Werror=incompatible-pointer-types");
      argv.add("-Werror=int-conversion");
    }
    for (Path inc : includes) {
      argv.add("-I" + inc);
    }
    argv.add(file.toString());
    return argv;
  }
}
