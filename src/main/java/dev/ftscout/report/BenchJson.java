package dev.ftscout.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ftscout.model.BenchEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads the {@code bench} section of a JSON report back, for {@code bench --compare}. */
public final class BenchJson {
  private BenchJson() {}

  /** The bench section of a report tree, when it has one. */
  public static Optional<BenchEvidence> read(JsonNode report) {
    JsonNode b = report.path("bench");
    if (!b.isObject()) {
      return Optional.empty();
    }
    List<BenchEvidence.Interpreter> interpreters = new ArrayList<>();
    for (JsonNode i : b.path("interpreters")) {
      interpreters.add(
          new BenchEvidence.Interpreter(
              i.path("label").asText(),
              i.path("path").asText(),
              i.path("version").asText(),
              i.path("freeThreaded").asBoolean()));
    }
    List<BenchEvidence.Workload> workloads = new ArrayList<>();
    for (JsonNode w : b.path("workloads")) {
      List<BenchEvidence.Series> series = new ArrayList<>();
      for (JsonNode s : w.path("series")) {
        List<BenchEvidence.Point> points = new ArrayList<>();
        for (JsonNode p : s.path("points")) {
          List<Double> values = new ArrayList<>();
          p.path("values").forEach(v -> values.add(v.asDouble()));
          JsonNode gc = p.path("gcPauses");
          points.add(
              new BenchEvidence.Point(
                  p.path("workers").asInt(),
                  p.path("median").asDouble(),
                  p.path("mad").asDouble(),
                  p.path("min").asDouble(),
                  p.path("max").asDouble(),
                  values,
                  p.path("peakRssKb").asLong(),
                  p.path("unstable").asBoolean(),
                  gc.isObject()
                      ? Optional.of(
                          new BenchEvidence.GcPauses(
                              gc.path("collections").asInt(),
                              gc.path("totalMillis").asDouble(),
                              gc.path("maxMillis").asDouble(),
                              gc.path("medianMillis").asDouble()))
                      : Optional.empty()));
        }
        JsonNode f = s.path("serialFraction");
        series.add(
            new BenchEvidence.Series(
                s.path("interpreter").asText(),
                "processes".equals(s.path("mode").asText())
                    ? BenchEvidence.Mode.PROCESSES
                    : BenchEvidence.Mode.THREADS,
                points,
                f.isNumber() ? OptionalDouble.of(f.asDouble()) : OptionalDouble.empty()));
      }
      workloads.add(
          new BenchEvidence.Workload(
              w.path("name").asText(), w.path("description").asText(), series));
    }
    List<BenchEvidence.Tax> taxes = new ArrayList<>();
    for (JsonNode t : b.path("taxes")) {
      taxes.add(
          new BenchEvidence.Tax(
              t.path("workload").asText(),
              t.path("freeThreaded").asText(),
              t.path("gil").asText(),
              t.path("timeRatio").asDouble(),
              t.path("memoryRatio").asDouble()));
    }
    List<String> notes = new ArrayList<>();
    b.path("notes").forEach(n -> notes.add(n.asText()));
    return Optional.of(new BenchEvidence(interpreters, workloads, taxes, notes));
  }
}
