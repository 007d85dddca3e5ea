package dev.ftscout.python;

import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/ast_dump.py} under a real CPython to get the reference for the
 * differential tests: per file, a hash of CPython's {@code ast} and {@code symtable} in the shared
 * text format, or CPython's syntax error.
 */
final class CpythonReference {
  private CpythonReference() {}

  /** Blocking pipe I/O runs on virtual threads, never on the common fork-join pool. */
  private static final java.util.concurrent.Executor IO =
      task -> Thread.ofVirtual().name("cpython-reference").start(task);

  /** CPython's verdict on one file. */
  record Verdict(
      String astHash, int nodes, String symHash, int symbols, Optional<Rejection> error) {}

  /** CPython's exception for a file it rejects, located as {@code SyntaxError} reports it. */
  record Rejection(int line, int offset, int endLine, int endOffset, String type, String message) {
    @Override
    public String toString() {
      return line + ":" + offset + ": " + type + ": " + message;
    }
  }

  static Path script() {
    return TestVenvs.basedir().resolve("src/test/python/ast_dump.py");
  }

  /** Verdicts for {@code files}, in order, computed by {@code shards} interpreter processes. */
  static List<Verdict> verdicts(Pythons.Python python, List<Path> files, int shards) {
    return verdicts(python, files, shards, false);
  }

  /**
   * Verdicts for {@code files}; with {@code verdictOnly} CPython only says whether it accepts each
   * file (no tree or symbol table hashes), which any interpreter from 3.8 on can do.
   */
  static List<Verdict> verdicts(
      Pythons.Python python, List<Path> files, int shards, boolean verdictOnly) {
    int n = Math.max(1, Math.min(shards, files.size()));
    List<CompletableFuture<List<String>>> parts = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      List<Path> shard = new ArrayList<>();
      for (int i = s; i < files.size(); i += n) {
        shard.add(files.get(i));
      }
      parts.add(
          CompletableFuture.supplyAsync(
              () -> run(python, shard, verdictOnly ? "--verdict-only" : ""), IO));
    }
    Verdict[] out = new Verdict[files.size()];
    for (int s = 0; s < n; s++) {
      List<String> lines = parts.get(s).join();
      for (String line : lines) {
        String[] f = line.split("\t", -1);
        int local = Integer.parseInt(f[0]);
        int global = s + local * n;
        if (f[1].equals("OK")) {
          out[global] =
              new Verdict(
                  f[2], Integer.parseInt(f[3]), f[4], Integer.parseInt(f[5]), Optional.empty());
        } else {
          out[global] =
              new Verdict(
                  "",
                  0,
                  "",
                  0,
                  Optional.of(
                      new Rejection(
                          Integer.parseInt(f[2]),
                          Integer.parseInt(f[3]),
                          Integer.parseInt(f[4]),
                          Integer.parseInt(f[5]),
                          f[6],
                          f[7])));
        }
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        throw new IllegalStateException("no reference result for " + files.get(i));
      }
    }
    return List.of(out);
  }

  /** CPython's full text for one file: the ast part and the symtable part. */
  static String[] dump(Pythons.Python python, Path file) {
    List<String> lines = run(python, List.of(file), "--dump");
    String all = String.join("\n", lines);
    int sym = all.indexOf("\n### sym\n");
    if (!all.startsWith("### ") || sym < 0) {
      return new String[] {all, ""};
    }
    String ast = all.substring(all.indexOf('\n') + 1, sym);
    return new String[] {ast, all.substring(sym + "\n### sym\n".length())};
  }

  private static List<String> run(Pythons.Python python, List<Path> files, String flag) {
    List<String> argv =
        new ArrayList<>(List.of(python.executable().toString(), "-X", "utf8", script().toString()));
    if (!flag.isEmpty()) {
      argv.add(flag);
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put("PYTHONIOENCODING", "utf-8");
      pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      Process p = pb.start();
      CompletableFuture<Void> feed =
          CompletableFuture.runAsync(
              () -> {
                try (OutputStream os = p.getOutputStream()) {
                  for (Path f : files) {
                    os.write((f.toString() + "\n").getBytes(StandardCharsets.UTF_8));
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              },
              IO);
      List<String> lines = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      }
      feed.join();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("ast_dump.py failed: exit " + p.exitValue());
      }
      return lines;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
