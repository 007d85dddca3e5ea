package dev.ftscout.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real CPython interpreters on this machine, for tests that run Python as a subprocess.
 *
 * <p>Found the way a developer has them: pyenv's versions folder ({@code $PYENV_ROOT} or {@code
 * ~/.pyenv}) and {@code python3} on PATH. Only reads; never installs an interpreter.
 */
public final class Pythons {
  private Pythons() {}

  /** One interpreter: its executable and its {@code sys.version_info[:2]}. */
  public record Python(Path executable, int major, int minor) {
    public boolean atLeast(int wantMajor, int wantMinor) {
      return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    public String version() {
      return major + "." + minor;
    }
  }

  /** Every CPython 3 interpreter found, oldest first, one per minor version. */
  public static List<Python> all() {
    return Found.ALL;
  }

  /** Looked up once per test JVM: the interpreters do not change while tests run. */
  private static final class Found {
    static final List<Python> ALL = scan();
  }

  private static List<Python> scan() {
    List<Path> candidates = new ArrayList<>();
    String root = System.getenv("PYENV_ROOT");
    Path pyenvRoot =
        root != null ? Path.of(root) : Path.of(System.getProperty("user.home"), ".pyenv");
    Path versions = pyenvRoot.resolve("versions");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> dirs = Files.list(versions)) {
        dirs.sorted().forEach(d -> candidates.add(d.resolve("bin").resolve("python3")));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    onPath("python3").ifPresent(candidates::add);
    List<Python> found = new ArrayList<>();
    for (Path candidate : candidates) {
      if (!Files.isExecutable(candidate)) {
        continue;
      }
      probe(candidate)
          .filter(p -> p.major() == 3)
          .filter(p -> found.stream().noneMatch(q -> q.minor() == p.minor()))
          .ifPresent(found::add);
    }
    found.sort(Comparator.comparingInt(Python::minor));
    return List.copyOf(found);
  }

  /** Interpreters at or above the given version. */
  public static List<Python> atLeast(int major, int minor) {
    return all().stream().filter(p -> p.atLeast(major, minor)).toList();
  }

  /** The newest interpreter found. */
  public static Optional<Python> newest() {
    List<Python> all = all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** A specific minor version, when present. */
  public static Optional<Python> version(int major, int minor) {
    return all().stream().filter(p -> p.major() == major && p.minor() == minor).findFirst();
  }

  /** The interpreter used to build test venvs: 3.11 when present, else the newest. */
  public static Optional<Python> forVenvs() {
    return version(3, 11).or(Pythons::newest);
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p) && !dir.contains("shims")) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Optional<Python> probe(Path executable) {
    try {
      Process p =
          new ProcessBuilder(
                  executable.toString(),
                  "-c",
                  "import sys; print(sys.version_info[0], sys.version_info[1])")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      String[] parts = out.split(" ");
      return Optional.of(
          new Python(executable, Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
    } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
