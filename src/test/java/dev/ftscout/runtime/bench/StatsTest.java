package dev.ftscout.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatsTest {
  @Test
  void medianAndMadOfKnownValues() {
    assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(Stats.median(List.of())).isNaN();
    // Deviations from 2: 1, 1, 0, 2, 98 -> median 1; the outlier does not move it.
    assertThat(Stats.mad(List.of(1.0, 3.0, 2.0, 4.0, 100.0))).isEqualTo(1.0);
    assertThat(Stats.unstable(List.of(1.0, 1.01, 0.99))).isFalse();
    assertThat(Stats.unstable(List.of(1.0, 1.3, 0.7))).isTrue();
    assertThat(Stats.unstable(List.of(5.0))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void medianIsOrderFreeAndBetweenTheExtremes(long seed) {
    Random random = new Random(seed);
    List<Double> values = new ArrayList<>();
    int n = 1 + random.nextInt(20);
    for (int i = 0; i < n; i++) {
      values.add(random.nextDouble() * 10);
    }
    double median = Stats.median(values);
    List<Double> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, random);
    assertThat(Stats.median(shuffled)).isEqualTo(median);
    assertThat(median).isBetween(Stats.min(values), Stats.max(values));
    long below = values.stream().filter(v -> v < median).count();
    long above = values.stream().filter(v -> v > median).count();
    assertThat(below).isLessThanOrEqualTo(n / 2);
    assertThat(above).isLessThanOrEqualTo(n / 2);
    assertThat(Stats.mad(values)).isGreaterThanOrEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void amdahlFitRecoversTheSerialFractionOfASyntheticCurve(long seed) {
    Random random = new Random(seed);
    double f = random.nextDouble();
    int[] workers = {1, 2, 4, 8, 16};
    double[] exact = new double[workers.length];
    double[] noisy = new double[workers.length];
    for (int i = 0; i < workers.length; i++) {
      exact[i] = Stats.amdahlSpeedup(f, workers[i]);
      noisy[i] = exact[i] * (1 + (random.nextDouble() - 0.5) * 0.02);
    }
    assertThat(Stats.amdahlSerialFraction(workers, exact).getAsDouble()).isCloseTo(f, within(1e-9));
    assertThat(Stats.amdahlSerialFraction(workers, noisy).getAsDouble()).isCloseTo(f, within(0.03));
  }

  @Test
  void amdahlFitOfFlatAndLinearCurvesAndDegenerateInput() {
    int[] workers = {1, 2, 4, 8};
    assertThat(Stats.amdahlSerialFraction(workers, new double[] {1, 1, 1, 1}).getAsDouble())
        .isCloseTo(1.0, within(1e-12));
    assertThat(Stats.amdahlSerialFraction(workers, new double[] {1, 2, 4, 8}).getAsDouble())
        .isCloseTo(0.0, within(1e-12));
    // Slower with more threads (a GIL build with contention): clamped to fully serial.
    assertThat(Stats.amdahlSerialFraction(workers, new double[] {1, 0.8, 0.7, 0.6}).getAsDouble())
        .isEqualTo(1.0);
    assertThat(Stats.amdahlSerialFraction(new int[] {1}, new double[] {1}))
        .isEqualTo(OptionalDouble.empty());
  }
}
