package dev.ftscout.report;

import dev.ftscout.model.BenchEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts of benchmark results: speed-up against workers (one line per interpreter and
 * mode, with the ideal diagonal), the free-threading tax, and peak memory. Each chart is a
 * standalone, well-formed SVG document fragment with no external references.
 */
public final class BenchCharts {
  private static final String[] COLORS = {
    "#155eef", "#b42318", "#067647", "#a15c07", "#6941c6", "#0e7090", "#c11574", "#344054"
  };
  private static final int WIDTH = 520;
  private static final int HEIGHT = 300;
  private static final int LEFT = 56;
  private static final int RIGHT = 150;
  private static final int TOP = 28;
  private static final int BOTTOM = 44;

  /** Speed-up over one worker against the number of workers, for one workload. */
  public String speedup(BenchEvidence.Workload w) {
    int maxWorkers = 1;
    double maxSpeedup = 1;
    for (BenchEvidence.Series s : w.series()) {
      for (BenchEvidence.Point p : s.points()) {
        maxWorkers = Math.max(maxWorkers, p.workers());
        double sp = s.speedup(p);
        if (Double.isFinite(sp)) {
          maxSpeedup = Math.max(maxSpeedup, sp);
        }
      }
    }
    double yMax = Math.ceil(Math.max(maxSpeedup, Math.min(maxWorkers, maxSpeedup * 1.2)));
    double xMax = maxWorkers;
    StringBuilder svg = open("Speed-up: " + w.name());
    axes(svg, "workers", "speed-up (×)", xMax, yMax);
    // Ideal linear scaling.
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"ideal\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#98a2b3\""
                + " stroke-dasharray=\"4 4\"/>\n",
            x(1, xMax),
            y(1, yMax),
            x(Math.min(xMax, yMax), xMax),
            y(Math.min(xMax, yMax), yMax)));
    int i = 0;
    for (BenchEvidence.Series s : w.series()) {
      String color = COLORS[i % COLORS.length];
      List<String> pts = new ArrayList<>();
      for (BenchEvidence.Point p : s.points()) {
        double sp = s.speedup(p);
        if (Double.isFinite(sp)) {
          pts.add(String.format(Locale.ROOT, "%.1f,%.1f", x(p.workers(), xMax), y(sp, yMax)));
        }
      }
      String name = escape(s.interpreter() + " " + s.mode().label());
      svg.append("<g class=\"series\" data-series=\"")
          .append(name)
          .append("\">\n")
          .append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(color)
          .append("\" points=\"")
          .append(String.join(" ", pts))
          .append("\"/>\n");
      for (String pt : pts) {
        String[] xy = pt.split(",");
        svg.append("<circle r=\"3\" fill=\"")
            .append(color)
            .append("\" cx=\"")
            .append(xy[0])
            .append("\" cy=\"")
            .append(xy[1])
            .append("\"/>\n");
      }
      svg.append("</g>\n");
      legend(svg, i, color, name);
      i++;
    }
    return close(svg);
  }

  /** Single-thread time and memory of free-threaded interpreters relative to a GIL build. */
  public String tax(List<BenchEvidence.Tax> taxes) {
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (BenchEvidence.Tax t : taxes) {
      labels.add(t.workload() + " " + t.freeThreaded());
      values.add(new double[] {t.timeRatio(), t.memoryRatio()});
    }
    return bars(
        "Free-threading tax (free-threaded ÷ GIL, 1 = no cost)",
        labels,
        values,
        new String[] {"time", "memory"},
        1.0);
  }

  /** Peak RSS with the most workers, per workload, interpreter and mode (MiB). */
  public String memory(List<BenchEvidence.Workload> workloads) {
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (BenchEvidence.Workload w : workloads) {
      for (BenchEvidence.Series s : w.series()) {
        BenchEvidence.Point last = s.points().get(s.points().size() - 1);
        labels.add(
            w.name() + " " + s.interpreter() + " " + s.mode().label() + " ×" + last.workers());
        values.add(new double[] {last.peakRssKb() / 1024.0});
      }
    }
    return bars("Peak RSS, all processes (MiB)", labels, values, new String[] {"MiB"}, 0);
  }

  private String bars(
      String title, List<String> labels, List<double[]> values, String[] keys, double reference) {
    int rowHeight = 14 * keys.length + 10;
    int height = TOP + BOTTOM + Math.max(1, labels.size()) * rowHeight;
    double max = reference;
    for (double[] v : values) {
      for (double d : v) {
        max = Math.max(max, d);
      }
    }
    max = max <= 0 ? 1 : max * 1.1;
    int labelWidth = 190;
    int plot = WIDTH + RIGHT - labelWidth - 60;
    StringBuilder svg = open(title, height);
    for (int row = 0; row < labels.size(); row++) {
      int top = TOP + row * rowHeight;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
              labelWidth - 6,
              top + rowHeight / 2 + 3,
              escape(labels.get(row))));
      for (int k = 0; k < keys.length; k++) {
        double v = values.get(row)[k];
        double w = Math.max(0, v / max * plot);
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s %.2f</text>\n",
                labelWidth,
                top + 4 + k * 14,
                w,
                COLORS[k % COLORS.length],
                labelWidth + w + 4,
                top + 14 + k * 14,
                escape(keys[k]),
                v));
      }
    }
    if (reference > 0) {
      double rx = labelWidth + reference / max * plot;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#98a2b3\""
                  + " stroke-dasharray=\"4 4\"/>\n",
              rx,
              TOP,
              rx,
              height - BOTTOM + 6));
    }
    return close(svg);
  }

  private static StringBuilder open(String title) {
    return open(title, HEIGHT);
  }

  private static StringBuilder open(String title, int height) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n"
                + "<title>%s</title>\n"
                + "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"600\">%s</text>\n",
            WIDTH + RIGHT,
            height,
            WIDTH + RIGHT,
            height,
            escape(title),
            escape(title),
            escape(title)));
    return svg;
  }

  private static String close(StringBuilder svg) {
    return svg.append("</svg>").toString();
  }

  private static void axes(
      StringBuilder svg, String xLabel, String yLabel, double xMax, double yMax) {
    double x0 = LEFT;
    double y0 = HEIGHT - BOTTOM;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#344054\"/>"
                + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#344054\"/>%n",
            x0,
            y0,
            (double) WIDTH,
            y0,
            x0,
            y0,
            x0,
            (double) TOP));
    for (int t = 1; t <= (int) xMax; t = t < 2 ? t + 1 : t * 2) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%d</text>\n",
              x(t, xMax),
              y0 + 14,
              t));
    }
    int step = yMax <= 8 ? 1 : (int) Math.ceil(yMax / 8);
    for (int t = 0; t <= (int) yMax; t += step) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%d</text>\n",
              x0 - 6,
              y(t, yMax) + 3,
              t));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n"
                + "<text x=\"14\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
            (LEFT + WIDTH) / 2.0,
            HEIGHT - 8,
            escape(xLabel),
            (TOP + y0) / 2,
            (TOP + y0) / 2,
            escape(yLabel)));
  }

  private static void legend(StringBuilder svg, int i, String color, String name) {
    int top = TOP + 8 + i * 18;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n",
            WIDTH + 10,
            top,
            color,
            WIDTH + 28,
            top + 10,
            name));
  }

  private static double x(double workers, double xMax) {
    double span = Math.max(1, xMax - 1);
    return LEFT + (workers - 1) / span * (WIDTH - LEFT - 10);
  }

  private static double y(double value, double yMax) {
    return HEIGHT - BOTTOM - value / Math.max(1e-9, yMax) * (HEIGHT - BOTTOM - TOP);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
