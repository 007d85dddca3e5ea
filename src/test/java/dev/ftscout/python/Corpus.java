package dev.ftscout.python;

import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Python source files to parse in tests: standard libraries and installed packages. */
final class Corpus {
  private Corpus() {}

  /** The standard library folder of an interpreter (asked of the interpreter itself). */
  static Path stdlib(Pythons.Python python) {
    try {
      Process p =
          new ProcessBuilder(
                  python.executable().toString(),
                  "-c",
                  "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("cannot ask " + python.executable() + " for its stdlib");
      }
      return Path.of(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code .py} file under {@code root}, except installed packages, sorted. */
  static List<Path> pythonFiles(Path root, boolean skipSitePackages) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".py"))
          .filter(Files::isRegularFile)
          .filter(
              p -> !skipSitePackages || !root.relativize(p).toString().contains("site-packages"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops files whose bytes were already seen (identical files in several stdlib versions). */
  static List<Path> dedupe(List<Path> files, Set<String> seen) {
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      try {
        if (seen.add(sha256(Files.readAllBytes(f)))) {
          out.add(f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static List<Path> dedupe(List<Path> files) {
    return dedupe(files, new HashSet<>());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String md5(String ascii) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(ascii.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
