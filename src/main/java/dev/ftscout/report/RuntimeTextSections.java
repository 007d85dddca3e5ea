package dev.ftscout.report;

import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.ProbeEvidence;
import dev.ftscout.model.TestEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The terminal rendering of the probe, test and bench sections. */
final class RuntimeTextSections {
  private static final int DUMP_LINES = 12;

  private final Style style;

  RuntimeTextSections(Style style) {
    this.style = style;
  }

  void probe(StringBuilder out, ProbeEvidence p) {
    out.append(
            style.bold(
                "Probe: "
                    + p.modules().size()
                    + " modules imported in "
                    + p.shortVersion()
                    + (p.freeThreaded() ? "" : " (GIL build: dry run)")))
        .append('\n');
    out.append("  ")
        .append(style.dim(p.interpreter()))
        .append(p.environment().isEmpty() ? "" : style.dim(", environment " + p.environment()))
        .append(
            style.dim(
                String.format(
                    Locale.ROOT,
                    ", %d worker process%s, %.1f s",
                    p.workers(),
                    p.workers() == 1 ? "" : "es",
                    p.wallMillis() / 1000.0)))
        .append('\n');
    List<String> counts = new ArrayList<>();
    for (ProbeEvidence.Status s : ProbeEvidence.Status.values()) {
      counts.add(s.words() + " " + p.withStatus(s).size());
    }
    out.append("  ").append(String.join(" · ", counts)).append('\n');
    for (ProbeEvidence.Module m : p.modules()) {
      if (m.status() == ProbeEvidence.Status.OK) {
        continue;
      }
      String label = pad(m.status().words(), 15);
      out.append("  ")
          .append(
              m.status() == ProbeEvidence.Status.IMPORT_FAILED
                  ? style.yellow(label)
                  : style.red(label))
          .append(m.name())
          .append(
              m.distribution().isEmpty() ? "" : " (" + m.distribution() + " " + m.version() + ")")
          .append('\n');
      out.append("      ").append(style.dim(m.evidence())).append('\n');
    }
    if (!p.culprits().isEmpty()) {
      out.append("  Extension modules that re-enable the GIL:\n");
      for (ProbeEvidence.Culprit c : p.culprits()) {
        out.append("    ")
            .append(style.red(c.module()))
            .append(
                c.distribution().isEmpty() ? "" : "  from " + c.distribution() + " " + c.version())
            .append('\n');
        if (!c.chain().isEmpty()) {
          out.append("      via ").append(String.join(" → ", c.chain())).append('\n');
        }
      }
    }
    p.notes().forEach(n -> out.append("  ").append(style.dim("note: " + n)).append('\n'));
    out.append('\n');
  }

  void tests(StringBuilder out, TestEvidence t) {
    out.append(style.bold("Test runs (" + t.runner() + ": " + String.join(" ", t.command()) + ")"))
        .append('\n');
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("configuration", "threads"));
    for (TestEvidence.Outcome o : TestEvidence.Outcome.values()) {
      header.add(o.label());
    }
    header.add("time");
    rows.add(header.toArray(String[]::new));
    for (TestEvidence.Configuration c : t.configurations()) {
      List<String> row = new ArrayList<>(List.of(c.label(), String.valueOf(c.stressThreads())));
      for (TestEvidence.Outcome o : TestEvidence.Outcome.values()) {
        row.add(String.valueOf(c.counts().getOrDefault(o.label(), 0)));
      }
      row.add(String.format(Locale.ROOT, "%.1f s", c.wallMillis() / 1000.0));
      rows.add(row.toArray(String[]::new));
    }
    table(out, rows);
    if (t.problems().isEmpty()) {
      out.append("  ").append(style.green("No regressions against the GIL baseline.")).append('\n');
    } else {
      out.append(style.bold("Regressions against the GIL baseline (" + t.problems().size() + ")"))
          .append('\n');
      for (TestEvidence.Problem p : t.problems()) {
        out.append("  ")
            .append(style.red(pad(p.kind().label(), 20)))
            .append(p.test())
            .append(" in ")
            .append(p.configuration())
            .append(" (")
            .append(p.category().label())
            .append(p.exceptionType().isEmpty() ? "" : ", " + p.exceptionType())
            .append(")\n");
        out.append("      ").append(p.evidence()).append('\n');
        if (!p.files().isEmpty()) {
          out.append("      ")
              .append(style.dim("files: " + String.join(", ", p.files())))
              .append('\n');
        }
        if (!p.relatedFindings().isEmpty()) {
          out.append("      ")
              .append(style.dim("scan findings there: " + String.join("; ", p.relatedFindings())))
              .append('\n');
        }
        if (!p.threadDump().isBlank()) {
          List<String> lines = p.threadDump().lines().toList();
          lines.stream()
              .limit(DUMP_LINES)
              .forEach(l -> out.append("      ").append(style.dim("| " + l)).append('\n'));
          if (lines.size() > DUMP_LINES) {
            out.append("      ")
                .append(
                    style.dim("| ... " + (lines.size() - DUMP_LINES) + " more lines (JSON report)"))
                .append('\n');
          }
        }
      }
    }
    if (!t.singleThreaded().isEmpty()) {
      out.append(style.bold("Ran single-threaded under stress (" + t.singleThreaded().size() + ")"))
          .append('\n');
      for (TestEvidence.SingleThreaded s : t.singleThreaded()) {
        out.append("  ").append(s.test()).append(": ").append(s.reason()).append('\n');
      }
    }
    t.notes().forEach(n -> out.append("  ").append(style.dim("note: " + n)).append('\n'));
    out.append('\n');
  }

  void bench(StringBuilder out, BenchEvidence b) {
    out.append(
            style.bold(
                "Benchmarks (median of values, seconds; same total work split over N workers)"))
        .append('\n');
    TreeSet<Integer> counts = new TreeSet<>();
    b.workloads()
        .forEach(w -> w.series().forEach(s -> s.points().forEach(p -> counts.add(p.workers()))));
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("workload", "python", "mode"));
    counts.forEach(n -> header.add(n + (n == 1 ? " worker" : " workers")));
    header.addAll(List.of("speed-up", "serial", "peak RSS"));
    rows.add(header.toArray(String[]::new));
    for (BenchEvidence.Workload w : b.workloads()) {
      for (BenchEvidence.Series s : w.series()) {
        List<String> row = new ArrayList<>(List.of(w.name(), s.interpreter(), s.mode().label()));
        BenchEvidence.Point last = s.points().get(s.points().size() - 1);
        for (int n : counts) {
          row.add(
              s.points().stream()
                  .filter(p -> p.workers() == n)
                  .findFirst()
                  .map(p ->
                      String.format(Locale.ROOT, "%.3f%s", p.median(), p.unstable() ? "?" : ""))
                  .orElse("-"));
        }
        double speedup = s.speedup(last);
        row.add(
            Double.isFinite(speedup)
                ? String.format(Locale.ROOT, "%.2fx@%d", speedup, last.workers())
                : "-");
        row.add(
            s.serialFraction().isPresent()
                ? String.format(Locale.ROOT, "%.2f", s.serialFraction().getAsDouble())
                : "-");
        row.add(String.format(Locale.ROOT, "%.1f MiB", last.peakRssKb() / 1024.0));
        rows.add(row.toArray(String[]::new));
      }
    }
    table(out, rows);
    boolean unstable =
        b.workloads().stream()
            .anyMatch(w ->
                w.series().stream()
                    .anyMatch(s -> s.points().stream().anyMatch(BenchEvidence.Point::unstable)));
    if (unstable) {
      out.append("  ")
          .append(
              style.yellow("? unstable: spread above 10% of the median; rerun with more values"))
          .append('\n');
    }
    if (!b.taxes().isEmpty()) {
      out.append(style.bold("Free-threading tax (single thread, free-threaded over GIL)"))
          .append('\n');
      for (BenchEvidence.Tax t : b.taxes()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-14s %s vs %s: time %+.1f%%, memory %+.1f%%%n",
                t.workload(),
                t.freeThreaded(),
                t.gil(),
                (t.timeRatio() - 1) * 100,
                (t.memoryRatio() - 1) * 100));
      }
    }
    b.notes().forEach(n -> out.append("  ").append(style.dim("note: " + n)).append('\n'));
    out.append('\n');
  }

  private void table(StringBuilder out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (int row = 0; row < rows.size(); row++) {
      StringBuilder line = new StringBuilder("  ");
      String[] r = rows.get(row);
      for (int i = 0; i < columns; i++) {
        line.append(i < 2 ? padTo(r[i], widths[i]) : leftPad(r[i], widths[i]));
        if (i < columns - 1) {
          line.append("  ");
        }
      }
      out.append(row == 0 ? style.dim(line.toString()) : line.toString()).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String padTo(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String leftPad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
