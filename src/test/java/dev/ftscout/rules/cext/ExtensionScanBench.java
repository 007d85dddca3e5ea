package dev.ftscout.rules.cext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.cext.ExtensionReader;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scans the sources of real projects' sdists and compares the wall time with a naive {@code grep
 * -E} for the same API names over the same files, in the same run. Run with {@code ./mvnw -B
 * -Pbench test -Dtest=ExtensionScanBench}; results go to {@code target/bench/extension-scan.md}.
 */
@Tag("bench")
class ExtensionScanBench {
  private static final List<String> PROJECTS =
      List.of(
          "numpy",
          "lxml",
          "pillow",
          "psycopg2",
          "ujson",
          "msgpack",
          "pyyaml",
          "regex",
          "markupsafe");

  /** What the FT2xx rules look for, as one grep alternation. */
  private static final String PATTERN =
      String.join(
          "|",
          "PyDict_GetItem",
          "PyDict_GetItemWithError",
          "PyDict_GetItemString",
          "PyDict_SetDefault",
          "PyList_GetItem",
          "PyList_GET_ITEM",
          "PyWeakref_GetObject",
          "PyWeakref_GET_OBJECT",
          "PyImport_AddModule",
          "PyCell_GET",
          "PyDict_Next",
          "PySequence_Fast_ITEMS",
          "PySequence_Fast_GET_ITEM",
          "PyObject_Malloc",
          "PyObject_Calloc",
          "PyObject_Realloc",
          "Py_LIMITED_API",
          "Py_mod_gil",
          "PyModuleDef_Slot",
          "PyInit_",
          "PyUnstable_Module_SetGIL",
          "PYBIND11_MODULE",
          "NB_MODULE",
          "pymodule",
          "freethreading_compatible",
          "static");

  private static final int RUNS = 5;

  @Test
  void scanRealSdistsAgainstGrep() throws IOException, InterruptedException {
    Path base = TestVenvs.basedir().resolve("target/bench");
    Path sdists = base.resolve("sdists");
    Path src = base.resolve("src");
    Files.createDirectories(sdists);
    Files.createDirectories(src);
    download(sdists);
    List<String> report = new ArrayList<>();
    report.add("| project | version | files | MB | modules (yes/no/conditional) | findings |");
    report.add("|---|---|---:|---:|---|---|");
    List<Path> roots = new ArrayList<>();
    for (String project : PROJECTS) {
      Path archive = archiveOf(sdists, project);
      String version = versionOf(archive, project);
      Path root = src.resolve(project);
      if (!Files.isDirectory(root)) {
        Files.createDirectories(root);
        run(List.of("tar", "xzf", archive.toString(), "-C", root.toString()), base, 300);
      }
      roots.add(root);
      List<SourceFile> files = load(List.of(root));
      AnalysisResult r = analyze(files);
      long bytes = files.stream().mapToLong(f -> f.bytes().length).sum();
      report.add(
          "| "
              + project
              + " | "
              + version
              + " | "
              + files.size()
              + " | "
              + String.format("%.1f", bytes / 1e6)
              + " | "
              + modules(r.extensionModules())
              + " | "
              + findings(r.findings())
              + " |");
    }
    List<SourceFile> all = load(roots);
    long totalBytes = all.stream().mapToLong(f -> f.bytes().length).sum();
    Path list = base.resolve("files.list");
    Files.write(
        list,
        all.stream()
            .map(f -> f.absolute().toString())
            .collect(Collectors.joining("\0"))
            .getBytes(StandardCharsets.UTF_8));

    for (int i = 0; i < 2; i++) {
      analyze(load(roots));
      grep(list, base);
    }
    String loadAverage = loadAverage();
    long[] ours = new long[RUNS];
    long[] theirs = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      AnalysisResult r = analyze(load(roots));
      ours[i] = System.nanoTime() - t0;
      assertThat(r.filesAnalyzed() + r.skipped().size()).isEqualTo(all.size());
      long t1 = System.nanoTime();
      grep(list, base);
      theirs[i] = System.nanoTime() - t1;
    }
    double oursS = median(ours) / 1e9;
    double grepS = median(theirs) / 1e9;
    AnalysisResult whole = analyze(all);
    List<String> summary = new ArrayList<>();
    summary.add("");
    summary.add(
        String.format(
            "All %d files, %.1f MB (%d skipped: %s).",
            all.size(), totalBytes / 1e6, whole.skipped().size(), skippedReasons(whole)));
    summary.add("");
    summary.add("| | wall time (median of " + RUNS + ") | MB/s | ratio to grep |");
    summary.add("|---|---:|---:|---:|");
    summary.add(
        String.format(
            "| ftscout extension analyzer (read + lex + parse + 6 rules) | %.3f s | %.0f | %.2f× |",
            oursS, totalBytes / 1e6 / oursS, oursS / grepS));
    summary.add(
        String.format(
            "| `grep -E` (%d API names) over the same files | %.3f s | %.0f | 1.00× |",
            PATTERN.split("\\|").length, grepS, totalBytes / 1e6 / grepS));
    summary.add("");
    summary.add(
        String.format(
            "JVM: %s %s, %d processors, load average before the timed runs %s; findings in total:"
                + " %s.",
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            loadAverage,
            findings(whole.findings())));
    report.addAll(summary);
    String text = String.join("\n", report) + "\n";
    Files.writeString(base.resolve("extension-scan.md"), text);
    System.out.println(text);
  }

  private static void download(Path dir) throws IOException, InterruptedException {
    boolean have = true;
    for (String p : PROJECTS) {
      if (findArchive(dir, p).isEmpty()) {
        have = false;
      }
    }
    if (have) {
      return;
    }
    Pythons.Python py =
        Pythons.forVenvs()
            .orElseThrow(() -> {
              Assumptions.abort("no CPython found to run pip");
              return new IllegalStateException();
            });
    List<String> argv =
        new ArrayList<>(
            List.of(
                py.executable().toString(),
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                String.join(",", PROJECTS),
                "-d",
                dir.toString()));
    argv.addAll(PROJECTS);
    run(argv, dir, 900);
  }

  private static List<Path> findArchive(Path dir, String project) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return n.startsWith(project + "-") && n.endsWith(".tar.gz");
              })
          .toList();
    }
  }

  private static Path archiveOf(Path dir, String project) throws IOException {
    List<Path> found = findArchive(dir, project);
    assertThat(found).as("sdist of %s", project).hasSize(1);
    return found.get(0);
  }

  private static String versionOf(Path archive, String project) {
    String n = archive.getFileName().toString();
    return n.substring(project.length() + 1, n.length() - ".tar.gz".length());
  }

  private static List<SourceFile> load(List<Path> roots) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          String rel = root.relativize(p).toString().replace('\\', '/');
          if (ExtensionReader.wants(rel)) {
            files.add(new SourceFile(rel, p, Files.readAllBytes(p)));
          }
        }
      }
    }
    return files;
  }

  private static AnalysisResult analyze(List<SourceFile> files) {
    return Fixtures.analyzer()
        .analyze(files, new AnalysisContext(Fixtures.allExtensionRules(), "3.9"));
  }

  private static void grep(Path list, Path cwd) throws IOException, InterruptedException {
    run(
        List.of(
            "bash",
            "-c",
            "xargs -0 grep -E -n -- '" + PATTERN + "' < '" + list + "' > /dev/null; true"),
        cwd,
        300);
  }

  private static void run(List<String> argv, Path cwd, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment()
        .put("PIP_CACHE_DIR", TestVenvs.basedir().resolve("target/pip-cache").toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + argv);
    }
    assertThat(p.exitValue()).as("%s\n%s", argv, out).isZero();
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

  private static String modules(List<ExtensionModule> modules) {
    long yes = modules.stream().filter(m -> m.declaration() == GilDeclaration.YES).count();
    long no = modules.stream().filter(m -> m.declaration() == GilDeclaration.NO).count();
    long cond = modules.stream().filter(m -> m.declaration() == GilDeclaration.CONDITIONAL).count();
    return modules.size() + " (" + yes + "/" + no + "/" + cond + ")";
  }

  private static String findings(List<Finding> findings) {
    Map<String, Long> byRule =
        findings.stream()
            .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
    return byRule.isEmpty()
        ? "none"
        : byRule.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static String skippedReasons(AnalysisResult r) {
    Map<String, Long> byReason =
        r.skipped().stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.reason().replaceAll("\\d+", "N"), TreeMap::new, Collectors.counting()));
    return byReason.isEmpty()
        ? "none"
        : byReason.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining("; "));
  }
}
