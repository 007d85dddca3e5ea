package dev.ftscout.rules.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.python.ParseResult;
import dev.ftscout.python.PythonParser;
import dev.ftscout.python.PythonVersion;
import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cost of the FT1xx rules, measured against baselines in the same run, over the newest pyenv
 * interpreter's standard library ({@code Lib/}) and the real-project corpus:
 *
 * <ol>
 *   <li>in one JVM: parsing (tokenizer, parser, symbol table) alone, then the whole Python analyzer
 *       with every FT1xx rule (one walk per file), both on the same bounded pool; the rules' cost
 *       is the ratio, and the peak heap of the full run is read from the memory pools;
 *   <li>in fresh processes: {@code java -jar target/ftscout.jar scan Lib --select FT1} (JVM start
 *       included) against CPython's own {@code ast.parse} of the same files in one process, and
 *       {@code ruff check --select E,F --no-cache} when ruff installs.
 * </ol>
 *
 * <p>Run with {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -Pbench test
 * -Dtest=PythonRulesBench}; results go to {@code target/bench/python-rules.md}.
 */
@Tag("bench")
class PythonRulesBench {
  private static final int RUNS = 5;

  @Test
  void rulesCostAgainstParsingCpythonAndRuff() throws Exception {
    Pythons.Python python =
        Pythons.newest()
            .orElseThrow(() -> {
              Assumptions.abort("no CPython interpreter found");
              return new IllegalStateException();
            });
    Path lib = stdlib(python);
    Path site = TestVenvs.venv("pyrules-corpus").sitePackages();
    List<Path> roots = new ArrayList<>(List.of(lib));
    for (String p : List.of("requests", "urllib3", "rich", "attr", "jinja2", "click")) {
      roots.add(site.resolve(p));
    }
    List<SourceFile> files = load(roots);
    long bytes = files.stream().mapToLong(f -> f.bytes().length).sum();
    int jobs = AnalysisContext.defaultJobs();
    PythonAnalyzer analyzer = PyFixtures.analyzer();
    AnalysisContext context = new AnalysisContext(PyFixtures.allPythonRules(), "3.9", jobs);
    PythonParser parser = new PythonParser();

    parseOnly(parser, files, jobs);
    AnalysisResult result = analyzer.analyze(files, context);
    parseOnly(parser, files, jobs);
    analyzer.analyze(files, context);
    String load = loadAverage();
    long[] parse = new long[RUNS];
    long[] full = new long[RUNS];
    long peakHeap = 0;
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      parseOnly(parser, files, jobs);
      parse[i] = System.nanoTime() - t0;
      System.gc();
      resetPeaks();
      long t1 = System.nanoTime();
      result = analyzer.analyze(files, context);
      full[i] = System.nanoTime() - t1;
      peakHeap = Math.max(peakHeap, peakHeapBytes());
    }
    double parseS = median(parse) / 1e9;
    double fullS = median(full) / 1e9;

    Path base = TestVenvs.basedir().resolve("target/bench");
    Files.createDirectories(base);
    Path list = base.resolve("stdlib-files.txt");
    List<SourceFile> stdlibFiles = load(List.of(lib));
    Files.write(
        list,
        stdlibFiles.stream()
            .map(f -> f.absolute().toString())
            .collect(Collectors.joining("\n"))
            .getBytes(StandardCharsets.UTF_8));
    Path jar = TestVenvs.basedir().resolve("target/ftscout.jar");
    assertThat(jar).as("build the jar first: ./mvnw -B -q package -DskipTests").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> scan =
        List.of(
            java,
            "-jar",
            jar.toString(),
            "scan",
            lib.toString(),
            "--select",
            "FT1",
            "--fail-on",
            "never",
            "--format",
            "json",
            "--output",
            base.resolve("stdlib-scan.json").toString());
    List<String> cpython =
        List.of(
            python.executable().toString(),
            "-c",
            """
            import ast, sys
            for p in open(sys.argv[1], encoding='utf-8').read().splitlines():
                try:
                    ast.parse(open(p, 'rb').read())
                except (SyntaxError, ValueError):
                    pass
            """,
            list.toString());
    timed(scan, base);
    timed(cpython, base);
    long[] jarRuns = new long[3];
    long[] astRuns = new long[3];
    for (int i = 0; i < 3; i++) {
      jarRuns[i] = timed(scan, base);
      astRuns[i] = timed(cpython, base);
    }
    double jarS = median(jarRuns) / 1e9;
    double astS = median(astRuns) / 1e9;

    String ruffLine = "ruff: not measured (the pyrules-bench venv could not be created)";
    Path ruff = null;
    try {
      ruff = TestVenvs.venv("pyrules-bench").dir().resolve("bin/ruff");
    } catch (IllegalStateException e) {
      ruffLine = "ruff: not measured (" + e.getMessage() + ")";
    }
    if (ruff != null && Files.isExecutable(ruff)) {
      List<String> ruffCmd =
          List.of(
              ruff.toString(),
              "check",
              "--select",
              "E,F",
              "--no-cache",
              "--exit-zero",
              "--quiet",
              lib.toString());
      timed(ruffCmd, base);
      long[] ruffRuns = new long[3];
      for (int i = 0; i < 3; i++) {
        ruffRuns[i] = timed(ruffCmd, base);
      }
      double ruffS = median(ruffRuns) / 1e9;
      ruffLine =
          String.format(
              "| `ruff check --select E,F --no-cache` (%s, multi-threaded), same folder | %.2f s |"
                  + " %.2f× |",
              version(ruff), ruffS, jarS / ruffS);
    }

    Map<String, Long> byRule =
        result.findings().stream()
            .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            "Corpus: %s (CPython %s `Lib/`, %d files) + requests, urllib3, rich, attrs, jinja2,"
                + " click: %d files, %.1f MB; %d skipped (syntax errors, Python 2, %s).",
            lib,
            python.version(),
            stdlibFiles.size(),
            files.size(),
            bytes / 1e6,
            result.skipped().size(),
            "test data"));
    out.add("");
    out.add(
        "| in one JVM, " + jobs + " worker threads, median of " + RUNS + " | wall time | ratio |");
    out.add("|---|---:|---:|");
    out.add(String.format("| parse + symbol table only | %.2f s | 1.00× |", parseS));
    out.add(
        String.format(
            "| parse + symbol table + one walk with all FT1xx rules | %.2f s | %.2f× (rules +%.0f%%) |",
            fullS, fullS / parseS, 100 * (fullS / parseS - 1)));
    out.add("");
    out.add(String.format("Peak heap during the full analysis: %.0f MB.", peakHeap / 1e6));
    out.add("");
    out.add("| stdlib `Lib/` only, fresh processes, median of 3 | wall time | ratio to ftscout |");
    out.add("|---|---:|---:|");
    out.add(
        String.format(
            "| `java -jar target/ftscout.jar scan Lib --select FT1` (JVM start included) | %.2f s |"
                + " 1.00× |",
            jarS));
    out.add(
        String.format(
            "| CPython %s `ast.parse` of the same %d files, one process | %.2f s | %.2f× |",
            python.version(), stdlibFiles.size(), astS, jarS / astS));
    out.add(ruffLine);
    out.add("");
    out.add(
        String.format(
            "Findings over the whole corpus: %s. JVM: %s %s, %d processors, load average before"
                + " the timed runs %s.",
            byRule,
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            load));
    String text = String.join("\n", out) + "\n";
    Files.writeString(base.resolve("python-rules.md"), text);
    System.out.println(text);
  }

  private static Path stdlib(Pythons.Python python) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                python.executable().toString(),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(60, TimeUnit.SECONDS);
    Path lib = Path.of(out);
    if (!Files.isDirectory(lib)) {
      Assumptions.abort("no standard library folder at " + lib);
    }
    return lib;
  }

  /** The .py files below the roots, site-packages left out, with paths relative to each root. */
  private static List<SourceFile> load(List<Path> roots) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p :
            walk.filter(x -> x.toString().endsWith(".py"))
                .filter(x -> !root.relativize(x).toString().contains("site-packages"))
                .filter(Files::isRegularFile)
                .sorted()
                .toList()) {
          String rel = root.getFileName() + "/" + root.relativize(p).toString().replace('\\', '/');
          files.add(new SourceFile(rel, p, Files.readAllBytes(p)));
        }
      }
    }
    return files;
  }

  private static void parseOnly(PythonParser parser, List<SourceFile> files, int jobs)
      throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
      List<Future<Integer>> futures = new ArrayList<>();
      for (SourceFile f : files) {
        futures.add(
            pool.submit(() -> {
              ParseResult r = parser.parse(f.path(), f.bytes(), PythonVersion.PY39);
              return r.ok() ? SymbolTable.build(r.module()).scopes().size() : 0;
            }));
      }
      for (Future<Integer> f : futures) {
        f.get();
      }
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long timed(List<String> argv, Path cwd) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
    pb.redirectOutput(cwd.resolve("last-run.log").toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + argv);
    }
    long elapsed = System.nanoTime() - t0;
    assertThat(p.exitValue())
        .as("%s\n%s", argv, Files.readString(cwd.resolve("last-run.log")))
        .isZero();
    return elapsed;
  }

  private static String version(Path ruff) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(ruff.toString(), "--version").redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private static String loadAverage() throws IOException {
    Path proc = Path.of("/proc/loadavg");
    if (!Files.isReadable(proc)) {
      return "unknown";
    }
    String[] parts = Files.readString(proc).split(" ");
    return parts[0] + " " + parts[1] + " " + parts[2];
  }

  private static long median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
