package dev.ftscout.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.BenchEvidence.GcPauses;
import dev.ftscout.model.BenchEvidence.Mode;
import dev.ftscout.model.BenchEvidence.Point;
import dev.ftscout.model.BenchEvidence.Series;
import dev.ftscout.model.BenchEvidence.Tax;
import dev.ftscout.model.Progress;
import dev.ftscout.runtime.discovery.Doctor;
import dev.ftscout.runtime.discovery.Interpreter;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.discovery.InterpreterException;
import dev.ftscout.runtime.discovery.PythonEnvironment;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ftscout bench}: runs workloads in fresh interpreter processes, with warm-ups and several
 * values per process (pyperf style), for 1..N threads and the same work in N processes, on every
 * interpreter; reports medians and spread, speed-up curves with an Amdahl fit, peak memory, GC
 * pauses, and the single-thread and memory tax of free-threaded builds against GIL builds.
 */
public final class Bench {
  private static final String PREFIX = "@ftscout-bench ";

  private final ProcessRunner runner;
  private final InterpreterDiscovery discovery;
  private final Map<String, String> environment;
  private final ObjectMapper json = new ObjectMapper();

  public Bench(
      ProcessRunner runner, InterpreterDiscovery discovery, Map<String, String> environment) {
    this.runner = runner;
    this.discovery = discovery;
    this.environment = PythonEnvironment.clean(environment);
  }

  /** One interpreter and the label it is shown with. */
  private record Labelled(String label, Interpreter interpreter) {}

  /** Measures every workload on every interpreter. */
  public BenchEvidence run(BenchRequest request, Progress progress) throws BenchException {
    List<Labelled> interpreters = interpreters(request);
    List<Mode> modes =
        request.processes() ? List.of(Mode.THREADS, Mode.PROCESSES) : List.of(Mode.THREADS);
    Path work;
    try {
      work = Files.createTempDirectory("ftscout-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path harness = work.resolve("ftscout_bench.py");
      try (InputStream in = Bench.class.getResourceAsStream("ftscout_bench.py")) {
        if (in == null) {
          throw new IllegalStateException("missing resource ftscout_bench.py");
        }
        Files.write(harness, in.readAllBytes());
      }
      progress.start(
          "benchmarks",
          request.workloadsToRun().size()
              * interpreters.size()
              * modes.size()
              * request.threads().size());
      List<BenchEvidence.Workload> workloads = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (String name : request.workloadsToRun()) {
        String description = "";
        List<Series> series = new ArrayList<>();
        for (Labelled l : interpreters) {
          for (Mode mode : modes) {
            List<Point> points = new ArrayList<>();
            for (int n : request.threads()) {
              Measured m = measure(harness, l.interpreter(), name, mode, n, request);
              description = m.description;
              points.add(m.point);
              progress.step(name + " " + l.label() + " " + mode.label() + " x" + n);
            }
            series.add(new Series(l.label(), mode, points, fit(points)));
          }
        }
        workloads.add(new BenchEvidence.Workload(name, description, series));
      }
      progress.finish();
      List<Tax> taxes = taxes(workloads, interpreters);
      if (interpreters.stream().noneMatch(l -> l.interpreter().freeThreadedBuild())) {
        notes.add(
            "only GIL builds were measured: their thread curves are flat because the GIL runs one"
                + " thread's Python code at a time; that is the baseline a free-threaded build is"
                + " compared with (see `ftscout doctor` to get one)");
      }
      long unstable =
          workloads.stream()
              .flatMap(w -> w.series().stream())
              .flatMap(s -> s.points().stream())
              .filter(Point::unstable)
              .count();
      if (unstable > 0) {
        notes.add(
            unstable
                + " measurements are unstable (spread above 10% of the median): close other"
                + " programs, or use more --runs and --values");
      }
      if (request.processes()) {
        notes.add(
            "processes: a started pool of N processes; their peak RSS is added up, so pages they"
                + " share after fork count once per process");
      }
      return new BenchEvidence(
          interpreters.stream()
              .map(l ->
                  new BenchEvidence.Interpreter(
                      l.label(),
                      l.interpreter().path().toString(),
                      l.interpreter().version(),
                      l.interpreter().freeThreadedBuild()))
              .toList(),
          workloads,
          taxes,
          notes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(work);
    }
  }

  private List<Labelled> interpreters(BenchRequest request) throws BenchException {
    List<Interpreter> found = new ArrayList<>();
    try {
      if (request.pythons().isEmpty()) {
        found.add(discovery.inspect(Path.of("python3")));
        new Doctor(discovery)
            .examine()
            .recommended()
            .filter(ft -> found.stream().noneMatch(i -> i.path().equals(ft.path())))
            .ifPresent(found::add);
      } else {
        for (Path p : request.pythons()) {
          found.add(discovery.inspect(p));
        }
      }
    } catch (InterpreterException e) {
      throw new BenchException(String.valueOf(e.getMessage()));
    }
    Set<String> labels = new LinkedHashSet<>();
    List<Labelled> out = new ArrayList<>();
    for (Interpreter i : found) {
      if (!i.supported()) {
        throw new BenchException(
            i.path() + " is Python " + i.version() + "; ftscout bench needs CPython 3.9+");
      }
      String label = i.shortVersion();
      for (int n = 2; !labels.add(label); n++) {
        label = i.shortVersion() + "-" + n;
      }
      out.add(new Labelled(label, i));
    }
    return out;
  }

  /** One point and the workload's description. */
  private record Measured(Point point, String description) {}

  private Measured measure(
      Path harness, Interpreter python, String workload, Mode mode, int workers, BenchRequest r)
      throws BenchException, IOException {
    List<Double> values = new ArrayList<>();
    List<Double> pauses = new ArrayList<>();
    boolean gcReported = false;
    long rss = 0;
    String description = "";
    for (int run = 0; run < r.runs(); run++) {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("workload", workload);
      config.put("mode", mode.label());
      config.put("workers", workers);
      config.put("units", r.units());
      config.put("scale", r.scale());
      config.put("warmups", r.warmups());
      config.put("values", r.values());
      ProcessResult result =
          runner.run(
              ProcessSpec.of(
                      List.of(
                          python.path().toString(),
                          harness.toString(),
                          json.writeValueAsString(config)),
                      environment,
                      r.project())
                  .withTimeout(r.timeout())
                  .withLimits(1 << 20, 64 * 1024));
      Optional<String> line = result.stdout().lines().filter(l -> l.startsWith(PREFIX)).findFirst();
      if (!result.succeeded() || line.isEmpty()) {
        throw new BenchException(
            "workload "
                + workload
                + " failed in "
                + python.path()
                + " ("
                + result.describeEnd()
                + "): "
                + result.stderr().strip().lines().reduce((a, b) -> b).orElse(""));
      }
      JsonNode doc = json.readTree(line.get().substring(PREFIX.length()));
      description = doc.path("description").asText("");
      doc.path("values").forEach(v -> values.add(v.asDouble()));
      rss = Math.max(rss, doc.path("peak_rss_kb").asLong());
      JsonNode gc = doc.path("gc_pauses_ms");
      if (gc.isArray()) {
        gcReported = true;
        gc.forEach(p -> pauses.add(p.asDouble()));
      }
    }
    Optional<GcPauses> gc =
        gcReported
            ? Optional.of(
                new GcPauses(
                    pauses.size(),
                    pauses.stream().mapToDouble(Double::doubleValue).sum(),
                    pauses.isEmpty() ? 0 : Stats.max(pauses),
                    pauses.isEmpty() ? 0 : Stats.median(pauses)))
            : Optional.empty();
    Point point =
        new Point(
            workers,
            Stats.median(values),
            Stats.mad(values),
            Stats.min(values),
            Stats.max(values),
            values,
            rss,
            Stats.unstable(values),
            gc);
    return new Measured(point, description);
  }

  private static java.util.OptionalDouble fit(List<Point> points) {
    Optional<Point> one = points.stream().filter(p -> p.workers() == 1).findFirst();
    if (one.isEmpty()) {
      return java.util.OptionalDouble.empty();
    }
    int[] workers = points.stream().mapToInt(Point::workers).toArray();
    double[] speedups = points.stream().mapToDouble(p -> one.get().median() / p.median()).toArray();
    return Stats.amdahlSerialFraction(workers, speedups);
  }

  private static List<Tax> taxes(List<BenchEvidence.Workload> workloads, List<Labelled> all) {
    List<Tax> taxes = new ArrayList<>();
    List<Labelled> gil = all.stream().filter(l -> !l.interpreter().freeThreadedBuild()).toList();
    for (Labelled ft : all) {
      if (!ft.interpreter().freeThreadedBuild() || gil.isEmpty()) {
        continue;
      }
      Labelled base =
          gil.stream()
              .filter(g -> g.interpreter().minor() == ft.interpreter().minor())
              .findFirst()
              .orElse(gil.get(0));
      for (BenchEvidence.Workload w : workloads) {
        Optional<Point> f = single(w, ft.label());
        Optional<Point> g = single(w, base.label());
        if (f.isPresent() && g.isPresent()) {
          taxes.add(
              new Tax(
                  w.name(),
                  ft.label(),
                  base.label(),
                  f.get().median() / g.get().median(),
                  g.get().peakRssKb() == 0
                      ? 1
                      : (double) f.get().peakRssKb() / g.get().peakRssKb()));
        }
      }
    }
    return taxes;
  }

  private static Optional<Point> single(BenchEvidence.Workload w, String label) {
    return w.series().stream()
        .filter(s -> s.interpreter().equals(label) && s.mode() == Mode.THREADS)
        .findFirst()
        .flatMap(Series::single);
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temp folder left behind is not worth failing the run for.
    }
  }
}
