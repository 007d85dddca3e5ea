package dev.ftscout.runtime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds real virtual environments holding real distributions for probe tests: C extensions
 * compiled with gcc against the interpreter's headers, installed with a dist-info (METADATA, RECORD
 * with hashes, top_level.txt) as an installer would leave them.
 */
final class ProbeEnvironments {
  private final ProcessRunner runner = new ProcessRunner();
  private final Pythons.Python python;
  private final Path dir;
  private final Path venv;
  private final Path sitePackages;

  private ProbeEnvironments(Pythons.Python python, Path dir, Path sitePackages) {
    this.python = python;
    this.dir = dir;
    this.venv = dir.resolve("venv");
    this.sitePackages = sitePackages;
  }

  /** A new venv (no pip) made by {@code python -m venv} under {@code dir}. */
  static ProbeEnvironments create(Pythons.Python python, Path dir) {
    Path gcc = Path.of("/usr/bin/gcc");
    Assumptions.assumeTrue(Files.isExecutable(gcc), "gcc is needed to build test extensions");
    mkdirs(dir);
    ProbeEnvironments envs = new ProbeEnvironments(python, dir, Path.of(""));
    envs.run(
        List.of(
            python.executable().toString(),
            "-m",
            "venv",
            "--without-pip",
            dir.resolve("venv").toString()));
    Path site = dir.resolve("venv/lib/python" + python.version() + "/site-packages");
    assertThat(site).isDirectory();
    return new ProbeEnvironments(python, dir, site);
  }

  Path venv() {
    return venv;
  }

  Path sitePackages() {
    return sitePackages;
  }

  Pythons.Python python() {
    return python;
  }

  /** A distribution to install: files relative to site-packages, by content. */
  final class Dist {
    private final String name;
    private final String version;
    private final List<String> topLevel = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    Dist(String name, String version) {
      this.name = name;
      this.version = version;
    }

    Dist python(String relative, String source) {
      write(relative, source.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** Compiles template {@code template}.c as extension module {@code dotted}. */
    Dist extension(String dotted, String template) {
      String leaf = dotted.substring(dotted.lastIndexOf('.') + 1);
      String source = resource("extensions/" + template + ".c").replace("@NAME@", leaf);
      Path build = sitePackages.resolveSibling("build-" + leaf);
      try {
        Files.createDirectories(build);
        Files.writeString(build.resolve(leaf + ".c"), source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String rel = dotted.replace('.', '/') + suffix();
      Path out = sitePackages.resolve(rel);
      mkdirs(Objects.requireNonNull(out.getParent()));
      run(
          List.of(
              "/usr/bin/gcc",
              "-shared",
              "-fPIC",
              "-O0",
              "-I" + include(),
              build.resolve(leaf + ".c").toString(),
              "-o",
              out.toString()));
      files.add(sitePackages.relativize(out));
      return this;
    }

    Dist topLevel(String... names) {
      topLevel.addAll(List.of(names));
      return this;
    }

    private void write(String relative, byte[] bytes) {
      Path p = sitePackages.resolve(relative);
      mkdirs(Objects.requireNonNull(p.getParent()));
      try {
        Files.write(p, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.add(Path.of(relative));
    }

    /** Writes the dist-info: METADATA, top_level.txt, INSTALLER and a RECORD with hashes. */
    void install() {
      String distInfo = name.replace('-', '_') + "-" + version + ".dist-info";
      write(
          distInfo + "/METADATA",
          ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n")
              .getBytes(StandardCharsets.UTF_8));
      write(distInfo + "/INSTALLER", "ftscout-tests\n".getBytes(StandardCharsets.UTF_8));
      write(
          distInfo + "/top_level.txt",
          (String.join("\n", topLevel) + "\n").getBytes(StandardCharsets.UTF_8));
      StringBuilder record = new StringBuilder();
      for (Path f : files) {
        try {
          byte[] bytes = Files.readAllBytes(sitePackages.resolve(f));
          record
              .append(f.toString().replace('\\', '/'))
              .append(",sha256=")
              .append(sha256(bytes))
              .append(',')
              .append(bytes.length)
              .append('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      record.append(distInfo).append("/RECORD,,\n");
      try {
        Files.writeString(sitePackages.resolve(distInfo + "/RECORD"), record);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Dist dist(String name, String version) {
    return new Dist(name, version);
  }

  /**
   * The standard test environment: one GIL-free extension, two GIL-using ones (one loaded lazily),
   * one that segfaults on import, a module that fails to import, pure modules (one sorted after the
   * crash), and a module that loads a GIL-using extension of another distribution.
   */
  static ProbeEnvironments standard(Pythons.Python python, Path dir) {
    ProbeEnvironments e = create(python, dir);
    e.dist("gil-free-ext", "1.0")
        .python("gilfree/__init__.py", "from gilfree._fast import *\n")
        .extension("gilfree._fast", "gil_free")
        .topLevel("gilfree")
        .install();
    e.dist("gil-using-ext", "2.0")
        .python("gilused/__init__.py", "from gilused import _slow\n")
        .extension("gilused._slow", "gil_used")
        .topLevel("gilused")
        .install();
    e.dist("lazy-gil", "3.0")
        .python("lazygil/__init__.py", "")
        .extension("lazygil._core", "gil_used")
        .topLevel("lazygil")
        .install();
    e.dist("segfault-ext", "0.1")
        .python("segv/__init__.py", "")
        .extension("segv._boom", "segfault")
        .topLevel("segv")
        .install();
    e.dist("pure-things", "1.0")
        .python("purething.py", "print('imported purething')  # must not disturb the probe\n")
        .python("brokenthing.py", "raise ImportError('needs libfoo.so.1')\n")
        .python("aaa_uses_gil.py", "import gilused\n")
        .python("zzz_after_crash.py", "")
        .topLevel("purething", "brokenthing", "aaa_uses_gil", "zzz_after_crash")
        .install();
    return e;
  }

  private String suffix() {
    return runPython("import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))");
  }

  private String include() {
    return runPython("import sysconfig; print(sysconfig.get_paths()['include'])");
  }

  private String runPython(String code) {
    return run(List.of(python.executable().toString(), "-c", code)).stdout().strip();
  }

  private ProcessResult run(List<String> argv) {
    try {
      ProcessResult r =
          runner.run(
              ProcessSpec.of(argv, Map.of("PATH", "/usr/bin:/bin"), dir)
                  .withTimeout(Duration.ofMinutes(2)));
      assertThat(r.succeeded()).as("%s failed: %s", argv, r.stderr()).isTrue();
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mkdirs(Path p) {
    try {
      Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ProbeEnvironments.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
