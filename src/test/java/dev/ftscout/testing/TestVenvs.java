package dev.ftscout.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real virtual environments with real packages from the user's configured package index, for tests.
 *
 * <p>{@code venv("corpus")} reads the pinned requirements in {@code
 * src/test/resources/venvs/corpus.txt}, creates {@code target/test-venvs/corpus} with {@link
 * Pythons#forVenvs()} and pip-installs them. The venv is reused while the requirements file is
 * unchanged; a file lock makes parallel test JVMs wait for one another. pip's cache goes under
 * {@code target/} so tests never write into {@code $HOME}.
 */
public final class TestVenvs {
  private TestVenvs() {}

  /** The project's root folder (where pom.xml is). */
  public static Path basedir() {
    String dir = System.getProperty("ftscout.basedir");
    return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath();
  }

  /** The reference data folder beside the checkout ({@code ../shared}). */
  public static Path shared() {
    String dir = System.getProperty("ftscout.shared");
    return dir != null ? Path.of(dir) : basedir().resolve("../shared").normalize();
  }

  /** The venv named {@code name}, created and filled on first use. */
  public static Venv venv(String name) {
    Pythons.Python python =
        Pythons.forVenvs()
            .orElseThrow(() -> {
              Assumptions.abort("no CPython interpreter found (pyenv or PATH)");
              return new IllegalStateException();
            });
    Path requirements = basedir().resolve("src/test/resources/venvs/" + name + ".txt");
    Path root = basedir().resolve("target/test-venvs");
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(root);
      String stamp = sha256(Files.readString(requirements) + python.executable());
      Path ready = dir.resolve(".ftscout-ready");
      try (FileChannel ch =
              FileChannel.open(
                  root.resolve(name + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        if (Files.isRegularFile(ready) && Files.readString(ready).equals(stamp)) {
          return new Venv(dir);
        }
        deleteTree(dir);
        run(List.of(python.executable().toString(), "-m", "venv", dir.toString()), root);
        List<String> pip = new ArrayList<>();
        pip.add(dir.resolve("bin/python").toString());
        pip.addAll(List.of("-m", "pip", "install", "-q", "--disable-pip-version-check"));
        pip.addAll(List.of("-r", requirements.toString()));
        run(pip, root);
        Files.writeString(ready, stamp);
        return new Venv(dir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare test venv " + name, e);
    }
  }

  /** A created virtual environment. */
  public record Venv(Path dir) {
    public Path python() {
      return dir.resolve("bin/python");
    }

    /** The venv's site-packages folder. */
    public Path sitePackages() {
      try (var libs = Files.list(dir.resolve("lib"))) {
        return libs.filter(p -> p.getFileName().toString().startsWith("python"))
            .findFirst()
            .orElseThrow()
            .resolve("site-packages");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void run(List<String> argv, Path cwd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().put("PIP_CACHE_DIR", basedir().resolve("target/pip-cache").toString());
    pb.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + argv);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + argv, e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("failed (" + p.exitValue() + "): " + argv + "\n" + out);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
