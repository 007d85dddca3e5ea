package dev.ftscout.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.BenchEvidence;
import dev.ftscout.rules.runtime.RuntimeSamples;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BenchComparisonTest {
  private static BenchEvidence scaled(BenchEvidence e, double factor) {
    return new BenchEvidence(
        e.interpreters(),
        e.workloads().stream()
            .map(w ->
                new BenchEvidence.Workload(
                    w.name(),
                    w.description(),
                    w.series().stream()
                        .map(s ->
                            new BenchEvidence.Series(
                                s.interpreter(),
                                s.mode(),
                                s.points().stream()
                                    .map(p ->
                                        new BenchEvidence.Point(
                                            p.workers(),
                                            p.median() * factor,
                                            p.mad(),
                                            p.min(),
                                            p.max(),
                                            p.values(),
                                            p.peakRssKb(),
                                            p.unstable(),
                                            Optional.empty()))
                                    .toList(),
                                OptionalDouble.empty()))
                        .toList()))
            .toList(),
        List.of(),
        List.of());
  }

  @Test
  void changesBeyondTheNoiseAreCalledOut() {
    BenchEvidence before = RuntimeSamples.bench();
    assertThat(BenchComparison.compare(before, before))
        .hasSize(9)
        .allMatch(r -> r.verdict() == BenchComparison.Verdict.SAME);
    assertThat(BenchComparison.compare(before, scaled(before, 0.8)))
        .allMatch(r -> r.verdict() == BenchComparison.Verdict.FASTER);
    assertThat(BenchComparison.compare(before, scaled(before, 1.25)))
        .allMatch(r -> r.verdict() == BenchComparison.Verdict.SLOWER);
    // 1% is within the 2% floor.
    assertThat(BenchComparison.compare(before, scaled(before, 1.01)))
        .allMatch(r -> r.verdict() == BenchComparison.Verdict.SAME);
    String text = BenchComparison.text(BenchComparison.compare(before, scaled(before, 0.8)));
    assertThat(text)
        .contains("mandelbrot   3.14t    threads         4")
        .contains("9 measurements compared: 9 faster, 0 slower, 0 within noise");
  }
}
