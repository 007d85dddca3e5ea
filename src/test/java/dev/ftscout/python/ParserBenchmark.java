package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parser speed and memory against CPython's own {@code ast.parse}, both measured in this run on the
 * newest local standard library: throughput on one core after warm-up, and start-to-finish time of
 * a fresh JVM against a fresh CPython process, with the JVM's peak heap under {@code -Xmx512m}. Run
 * with {@code ./mvnw -B -Pbench test -Dtest=ParserBenchmark}.
 */
@Tag("bench")
class ParserBenchmark {
  private static final int WARMUP = 3;
  private static final int ROUNDS = 5;

  @Test
  void parseTheStandardLibrary() throws IOException, InterruptedException {
    Pythons.Python python =
        Pythons.newest()
            .orElseThrow(() -> {
              Assumptions.abort("no CPython installed");
              return new IllegalStateException();
            });
    List<Path> files = Corpus.pythonFiles(Corpus.stdlib(python), true);
    Path list = TestVenvs.basedir().resolve("target/bench/stdlib-files.txt");
    Files.createDirectories(list.getParent());
    Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    List<byte[]> sources = new ArrayList<>();
    long bytes = 0;
    long lines = 0;
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      sources.add(b);
      bytes += b.length;
      for (byte c : b) {
        if (c == '\n') {
          lines++;
        }
      }
    }
    double mb = bytes / 1e6;

    PythonParser parser = new PythonParser();
    for (int i = 0; i < WARMUP; i++) {
      parseAll(parser, sources, false);
    }
    double[] parseTimes = new double[ROUNDS];
    double[] symbolTimes = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      parseTimes[i] = parseAll(parser, sources, false);
      symbolTimes[i] = parseAll(parser, sources, true);
    }
    Arrays.sort(parseTimes);
    Arrays.sort(symbolTimes);
    double javaParse = parseTimes[ROUNDS / 2];
    double javaWithSymbols = symbolTimes[ROUNDS / 2];

    String script = TestVenvs.basedir().resolve("src/test/python/bench_ast.py").toString();
    List<String> cpython =
        run(List.of(python.executable().toString(), script, list.toString(), "3"));
    double cpythonParse = Double.parseDouble(cpython.get(0).split(" ")[3]);

    long t0 = System.nanoTime();
    run(List.of(python.executable().toString(), script, list.toString(), "1"));
    double cpythonProcess = (System.nanoTime() - t0) / 1e9;

    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    String classpath =
        TestVenvs.basedir().resolve("target/classes")
            + java.io.File.pathSeparator
            + TestVenvs.basedir().resolve("target/test-classes");
    long t1 = System.nanoTime();
    List<String> fresh =
        run(
            List.of(
                javaCommand,
                "-Xmx512m",
                "-cp",
                classpath,
                ParseFolderMain.class.getName(),
                list.toString()));
    double javaProcess = (System.nanoTime() - t1) / 1e9;
    String[] f = fresh.get(0).split(" ");
    long peakHeap = Long.parseLong(f[4]);

    String report =
        String.format(
            Locale.ROOT,
            """
            Corpus: CPython %s standard library, %d files, %d lines, %.1f MB
            one core, after warm-up (median of %d rounds):
              CPython ast.parse                 %7.2f s  %6.1f MB/s  1.00x
              ftscout parse                     %7.2f s  %6.1f MB/s  %5.2fx
              ftscout parse + symbol table      %7.2f s  %6.1f MB/s  %5.2fx
            start to finish, fresh process each:
              CPython process (read + ast.parse) %6.2f s
              ftscout fresh JVM (-Xmx512m)       %6.2f s  %5.2fx CPython's time
              ftscout peak heap                  %6.0f MB
            """,
            python.version(),
            files.size(),
            lines,
            mb,
            ROUNDS,
            cpythonParse,
            mb / cpythonParse,
            javaParse,
            mb / javaParse,
            cpythonParse / javaParse,
            javaWithSymbols,
            mb / javaWithSymbols,
            cpythonParse / javaWithSymbols,
            cpythonProcess,
            javaProcess,
            javaProcess / cpythonProcess,
            peakHeap / 1e6);
    System.out.print(report);
    Files.writeString(list.resolveSibling("python-frontend.txt"), report, StandardCharsets.UTF_8);
    assertThat(Integer.parseInt(f[0])).isEqualTo(files.size());
  }

  private static double parseAll(PythonParser parser, List<byte[]> sources, boolean symbols) {
    long started = System.nanoTime();
    int nodes = 0;
    for (byte[] s : sources) {
      ParseResult r = parser.parse("bench.py", s, PythonVersion.LATEST);
      nodes += r.module().body().size();
      if (symbols) {
        nodes += SymbolTable.build(r.module()).scopes().size();
      }
    }
    assertThat(nodes).isPositive();
    return (System.nanoTime() - started) / 1e9;
  }

  private static List<String> run(List<String> argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("failed: " + argv + "\n" + out);
    }
    return out.lines().toList();
  }
}
