package dev.ftscout.runtime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ftscout bench} measures.
 *
 * @param workloads built-in names, {@code module:function} or script paths; empty: every built-in
 * @param pythons interpreters; empty: the first Python 3 on PATH and the free-threaded one doctor
 *     recommends
 * @param threads worker counts, ascending (1 is added when missing: speed-ups need it)
 * @param processes also run the same work in processes, for comparison
 * @param runs fresh processes per measurement
 * @param values timed values per process
 * @param warmups untimed values per process before them
 * @param units work units split over the workers (the same total for every count)
 * @param scale size of one unit relative to the built-in default
 * @param timeout one process is killed after this long
 * @param project the working folder (user workloads are imported from it)
 */
public record BenchRequest(
    List<String> workloads,
    List<Path> pythons,
    List<Integer> threads,
    boolean processes,
    int runs,
    int values,
    int warmups,
    int units,
    double scale,
    Duration timeout,
    Path project) {

  /** Every built-in workload, in the order they are shown. */
  public static final List<String> BUILT_IN =
      List.of("mandelbrot", "montecarlo", "nbody", "json", "regex", "alloc", "dicts");

  public BenchRequest {
    workloads = List.copyOf(workloads);
    pythons = List.copyOf(pythons);
    threads = threads.stream().distinct().sorted().toList();
    if (threads.isEmpty() || threads.get(0) < 1) {
      throw new IllegalArgumentException("worker counts must be at least 1: " + threads);
    }
    if (!threads.contains(1)) {
      threads =
          java.util.stream.Stream.concat(java.util.stream.Stream.of(1), threads.stream()).toList();
    }
    if (runs < 1 || values < 1 || warmups < 0 || units < 1 || !(scale > 0)) {
      throw new IllegalArgumentException("runs, values, units and scale must be positive");
    }
  }

  /** pyperf-like defaults: 3 processes x 3 values after 1 warm-up, 16 units, 1, 2, 4, 8 threads. */
  public static BenchRequest defaults(Path project) {
    return new BenchRequest(
        List.of(),
        List.of(),
        List.of(1, 2, 4, 8),
        true,
        3,
        3,
        1,
        16,
        1.0,
        Duration.ofMinutes(10),
        project);
  }

  public BenchRequest with(List<String> names, List<Path> interpreters, List<Integer> counts) {
    return new BenchRequest(
        names,
        interpreters,
        counts,
        processes,
        runs,
        values,
        warmups,
        units,
        scale,
        timeout,
        project);
  }

  public BenchRequest withRepetitions(int processRuns, int timedValues, int warmupValues) {
    return new BenchRequest(
        workloads,
        pythons,
        threads,
        processes,
        processRuns,
        timedValues,
        warmupValues,
        units,
        scale,
        timeout,
        project);
  }

  public BenchRequest withWork(int unitCount, double unitScale, boolean alsoProcesses) {
    return new BenchRequest(
        workloads,
        pythons,
        threads,
        alsoProcesses,
        runs,
        values,
        warmups,
        unitCount,
        unitScale,
        timeout,
        project);
  }

  /** The workloads to run: the given ones, or every built-in. */
  public List<String> workloadsToRun() {
    return workloads.isEmpty() ? BUILT_IN : workloads;
  }
}
