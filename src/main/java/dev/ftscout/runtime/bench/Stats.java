package dev.ftscout.runtime.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Statistics for benchmark values, pyperf style: the median and the median absolute deviation
 * (robust against the odd slow value), a stability verdict, and an Amdahl's-law fit of a speed-up
 * curve.
 */
public final class Stats {
  /** MAD scaled to estimate a standard deviation for normally distributed values. */
  static final double MAD_TO_SIGMA = 1.4826;

  /** Above this relative spread a result is flagged unstable (pyperf warns at 10%). */
  static final double UNSTABLE = 0.10;

  private Stats() {}

  /** The median; NaN for no values. */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** The median absolute deviation from the median; NaN for no values. */
  public static double mad(List<Double> values) {
    double m = median(values);
    List<Double> deviations = new ArrayList<>();
    for (double v : values) {
      deviations.add(Math.abs(v - m));
    }
    return median(deviations);
  }

  /** Whether the spread (MAD as a standard deviation) exceeds 10% of the median. */
  public static boolean unstable(List<Double> values) {
    double m = median(values);
    return values.size() > 1 && m > 0 && mad(values) * MAD_TO_SIGMA / m > UNSTABLE;
  }

  /**
   * The serial fraction {@code f} of Amdahl's law, {@code S(n) = 1 / (f + (1 - f) / n)}, fitted by
   * least squares to measured speed-ups: with {@code x = 1 - 1/n} and {@code y = 1/S - 1/n} the law
   * is {@code y = f x}, so {@code f = Σxy / Σx²}, clamped to [0, 1]. Empty without a point beyond
   * one worker.
   *
   * @param workers worker counts
   * @param speedups the speed-up measured at each count (over one worker)
   */
  public static OptionalDouble amdahlSerialFraction(int[] workers, double[] speedups) {
    if (workers.length != speedups.length) {
      throw new IllegalArgumentException("workers and speedups differ in length");
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < workers.length; i++) {
      if (workers[i] <= 1 || !(speedups[i] > 0) || !Double.isFinite(speedups[i])) {
        continue;
      }
      double x = 1 - 1.0 / workers[i];
      double y = 1 / speedups[i] - 1.0 / workers[i];
      sxy += x * y;
      sxx += x * x;
    }
    if (sxx == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.max(0, Math.min(1, sxy / sxx)));
  }

  /** The speed-up Amdahl's law predicts for {@code n} workers and serial fraction {@code f}. */
  public static double amdahlSpeedup(double f, int n) {
    return 1 / (f + (1 - f) / n);
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static List<Double> list(double... values) {
    return Arrays.stream(values).boxed().toList();
  }
}
