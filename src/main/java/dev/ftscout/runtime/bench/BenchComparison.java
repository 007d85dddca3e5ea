package dev.ftscout.runtime.bench;

import dev.ftscout.model.BenchEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two bench results side by side ({@code bench --compare old.json new.json}): each measurement
 * present in both, its median then and now, and whether the change is beyond the noise (the two
 * MADs added up, scaled to standard deviations, and at least 2% of the old median).
 */
public final class BenchComparison {
  /** One measurement in both runs. */
  public record Row(
      String workload,
      String interpreter,
      BenchEvidence.Mode mode,
      int workers,
      double oldMedian,
      double newMedian,
      Verdict verdict) {
    /** New over old: below 1 is faster. */
    public double ratio() {
      return newMedian / oldMedian;
    }
  }

  /** How a measurement changed. */
  public enum Verdict {
    FASTER,
    SLOWER,
    SAME
  }

  private BenchComparison() {}

  public static List<Row> compare(BenchEvidence before, BenchEvidence after) {
    List<Row> rows = new ArrayList<>();
    for (BenchEvidence.Workload w : after.workloads()) {
      for (BenchEvidence.Series s : w.series()) {
        for (BenchEvidence.Point p : s.points()) {
          find(before, w.name(), s.interpreter(), s.mode(), p.workers())
              .ifPresent(old -> rows.add(row(w.name(), s, p, old)));
        }
      }
    }
    return rows;
  }

  private static Row row(
      String workload, BenchEvidence.Series s, BenchEvidence.Point now, BenchEvidence.Point old) {
    double noise = Math.max(0.02 * old.median(), Stats.MAD_TO_SIGMA * (old.mad() + now.mad()));
    double delta = now.median() - old.median();
    Verdict v =
        Math.abs(delta) <= noise ? Verdict.SAME : delta < 0 ? Verdict.FASTER : Verdict.SLOWER;
    return new Row(
        workload, s.interpreter(), s.mode(), now.workers(), old.median(), now.median(), v);
  }

  private static java.util.Optional<BenchEvidence.Point> find(
      BenchEvidence e, String workload, String interpreter, BenchEvidence.Mode mode, int workers) {
    return e.workloads().stream()
        .filter(w -> w.name().equals(workload))
        .flatMap(w -> w.series().stream())
        .filter(s -> s.interpreter().equals(interpreter) && s.mode() == mode)
        .flatMap(s -> s.points().stream())
        .filter(p -> p.workers() == workers)
        .findFirst();
  }

  /** A plain-text table of the rows. */
  public static String text(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %-8s %-9s %7s %10s %10s %8s  %s%n",
            "workload",
            "python",
            "mode",
            "workers",
            "old s",
            "new s",
            "new/old",
            "verdict"));
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %-8s %-9s %7d %10.4f %10.4f %7.2fx  %s%n",
              r.workload(),
              r.interpreter(),
              r.mode().label(),
              r.workers(),
              r.oldMedian(),
              r.newMedian(),
              r.ratio(),
              r.verdict().name().toLowerCase(Locale.ROOT)));
    }
    long faster = rows.stream().filter(r -> r.verdict() == Verdict.FASTER).count();
    long slower = rows.stream().filter(r -> r.verdict() == Verdict.SLOWER).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%d measurements compared: %d faster, %d slower, %d within noise%n",
            rows.size(),
            faster,
            slower,
            rows.size() - faster - slower));
    return out.toString();
  }
}
