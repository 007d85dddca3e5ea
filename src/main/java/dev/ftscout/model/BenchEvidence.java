package dev.ftscout.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code ftscout bench} measured: per workload and interpreter, wall times for 1..N threads
 * (and the same work in N processes), the speed-up curve with an Amdahl fit, peak memory, GC
 * pauses, and the free-threading tax against a GIL build.
 *
 * @param interpreters the interpreters measured
 * @param workloads one entry per workload
 * @param taxes single-thread time and memory of each free-threaded interpreter against a GIL one
 * @param notes what qualifies the figures (unstable results, missing interpreters)
 */
public record BenchEvidence(
    List<Interpreter> interpreters, List<Workload> workloads, List<Tax> taxes, List<String> notes) {

  public BenchEvidence {
    interpreters = List.copyOf(interpreters);
    workloads = List.copyOf(workloads);
    taxes = List.copyOf(taxes);
    notes = List.copyOf(notes);
  }

  /**
   * An interpreter measured.
   *
   * @param label e.g. {@code 3.13} or {@code 3.14t}
   * @param path its executable
   * @param version its full version
   * @param freeThreaded whether it is a free-threaded build
   */
  public record Interpreter(String label, String path, String version, boolean freeThreaded) {}

  /**
   * One workload's measurements.
   *
   * @param name built-in name, {@code module:function} or a script path
   * @param description what it does
   * @param series one per interpreter and mode
   */
  public record Workload(String name, String description, List<Series> series) {
    public Workload {
      series = List.copyOf(series);
    }
  }

  /** How the work was spread. */
  public enum Mode {
    THREADS,
    PROCESSES;

    public String label() {
      return this == THREADS ? "threads" : "processes";
    }
  }

  /**
   * One interpreter's curve in one mode: the same total work split over 1..N workers.
   *
   * @param interpreter the interpreter's label
   * @param mode threads or processes
   * @param points one per worker count, ascending
   * @param serialFraction the Amdahl fit of the speed-up curve (0: perfectly parallel, 1: serial),
   *     when there are at least two points
   */
  public record Series(
      String interpreter, Mode mode, List<Point> points, OptionalDouble serialFraction) {
    public Series {
      points = List.copyOf(points);
    }

    /** The median time with one worker, when measured. */
    public Optional<Point> single() {
      return points.stream().filter(p -> p.workers() == 1).findFirst();
    }

    /** Speed-up of {@code p} over one worker. */
    public double speedup(Point p) {
      return single().map(s -> s.median() / p.median()).orElse(Double.NaN);
    }
  }

  /**
   * One measurement: several values, each from the same process after warm-ups.
   *
   * @param workers threads or processes
   * @param median median wall time in seconds
   * @param mad median absolute deviation in seconds
   * @param min fastest value
   * @param max slowest value
   * @param values every value, in run order
   * @param peakRssKb peak resident set size (all processes together), KiB
   * @param unstable spread too large to trust (MAD above 10% of the median)
   * @param gc garbage-collector pauses, when the interpreter reports them
   */
  public record Point(
      int workers,
      double median,
      double mad,
      double min,
      double max,
      List<Double> values,
      long peakRssKb,
      boolean unstable,
      Optional<GcPauses> gc) {
    public Point {
      values = List.copyOf(values);
    }
  }

  /**
   * Pauses measured with {@code gc.callbacks}, over the timed values.
   *
   * @param collections how many collections ran
   * @param totalMillis time spent in them
   * @param maxMillis the longest pause
   * @param medianMillis the median pause
   */
  public record GcPauses(
      int collections, double totalMillis, double maxMillis, double medianMillis) {}

  /**
   * The free-threading tax on one workload: a free-threaded interpreter against a GIL one.
   *
   * @param workload the workload
   * @param freeThreaded the free-threaded interpreter's label
   * @param gil the GIL interpreter's label
   * @param timeRatio single-thread median time, free-threaded over GIL (1.10: 10% slower)
   * @param memoryRatio single-thread peak RSS, free-threaded over GIL
   */
  public record Tax(
      String workload, String freeThreaded, String gil, double timeRatio, double memoryRatio) {}
}
