package dev.ftscout.runtime.testrun;

import dev.ftscout.model.TestEvidence.Category;
import dev.ftscout.model.TestEvidence.Kind;
import dev.ftscout.model.TestEvidence.Outcome;
import dev.ftscout.model.TestEvidence.Problem;
import dev.ftscout.model.TestEvidence.SingleThreaded;
import dev.ftscout.model.TestEvidence.TestOutcomes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the outcomes of the configurations against the GIL baseline (GIL builds, serial):
 *
 * <ul>
 *   <li>fails free-threaded: passes in every baseline run, fails in every run of a free-threaded
 *       serial configuration;
 *   <li>fails under stress: passes in every run of the same interpreter's serial configuration,
 *       fails in every stress run;
 *   <li>flaky: passes in some repeats of a configuration and fails in others (baseline included: a
 *       flaky test is worth isolating wherever it shows);
 *   <li>hangs and crashes: in any configuration where the baseline did not already hang or crash.
 * </ul>
 *
 * Without a GIL interpreter, the free-threaded serial runs are the baseline for the stress runs and
 * "fails free-threaded" cannot be decided.
 */
final class TestDiff {
  private TestDiff() {}

  /** Every test id, in first-seen order. */
  static List<String> ids(List<ConfigRun> runs) {
    Set<String> ids = new LinkedHashSet<>();
    runs.forEach(c -> c.repeats().forEach(r -> ids.addAll(r.outcomes().keySet())));
    return List.copyOf(ids);
  }

  static List<TestOutcomes> outcomes(List<ConfigRun> runs) {
    List<TestOutcomes> out = new ArrayList<>();
    for (String id : ids(runs)) {
      Map<String, List<Outcome>> byConfig = new LinkedHashMap<>();
      for (ConfigRun c : runs) {
        List<Outcome> list = outcomesOf(c, id);
        if (!list.isEmpty()) {
          byConfig.put(c.label(), list);
        }
      }
      out.add(new TestOutcomes(id, byConfig));
    }
    return out;
  }

  static List<SingleThreaded> singleThreaded(List<ConfigRun> runs) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (ConfigRun c : runs) {
      for (SuiteRun r : c.repeats()) {
        r.singleThreaded().forEach(reasons::putIfAbsent);
      }
    }
    List<SingleThreaded> out = new ArrayList<>();
    reasons.forEach((id, reason) -> out.add(new SingleThreaded(id, reason)));
    return out;
  }

  static List<Problem> problems(List<ConfigRun> runs) {
    List<ConfigRun> baseline = runs.stream().filter(c -> c.configuration().baseline()).toList();
    List<Problem> out = new ArrayList<>();
    for (String id : ids(runs)) {
      Map<Kind, Problem> found = new LinkedHashMap<>();
      List<Outcome> base = baseline.stream().flatMap(c -> outcomesOf(c, id).stream()).toList();
      boolean basePasses = !base.isEmpty() && base.stream().allMatch(o -> o == Outcome.PASSED);
      for (ConfigRun c : runs) {
        List<Outcome> mine = outcomesOf(c, id);
        if (mine.isEmpty()) {
          continue;
        }
        if (mine.contains(Outcome.HUNG) && !base.contains(Outcome.HUNG)) {
          found.putIfAbsent(Kind.HANGS, problem(id, Kind.HANGS, c, Optional.of(Outcome.HUNG)));
        }
        if (mine.contains(Outcome.CRASHED) && !base.contains(Outcome.CRASHED)) {
          found.putIfAbsent(
              Kind.CRASHES, problem(id, Kind.CRASHES, c, Optional.of(Outcome.CRASHED)));
        }
        boolean anyPass = mine.contains(Outcome.PASSED);
        boolean anyFail = mine.stream().anyMatch(o -> o == Outcome.FAILED || o == Outcome.ERROR);
        boolean allBad = mine.stream().allMatch(Outcome::bad);
        if (anyPass && anyFail) {
          found.putIfAbsent(Kind.FLAKY, problem(id, Kind.FLAKY, c, Optional.empty()));
          continue;
        }
        if (!anyFail || !allBad) {
          continue;
        }
        if (c.serial() && c.configuration().freeThreaded() && basePasses) {
          found.putIfAbsent(
              Kind.FAILS_FREE_THREADED, problem(id, Kind.FAILS_FREE_THREADED, c, Optional.empty()));
        }
        if (!c.serial()) {
          Optional<ConfigRun> serial =
              runs.stream()
                  .filter(s -> s.serial() && s.interpreterKey().equals(c.interpreterKey()))
                  .filter(s -> !s.configuration().gilForcedOff())
                  .findFirst();
          boolean serialPasses =
              serial
                  .map(s -> outcomesOf(s, id))
                  .filter(l -> !l.isEmpty() && l.stream().allMatch(o -> o == Outcome.PASSED))
                  .isPresent();
          if (serialPasses) {
            found.putIfAbsent(
                Kind.FAILS_UNDER_STRESS, problem(id, Kind.FAILS_UNDER_STRESS, c, Optional.empty()));
          }
        }
      }
      out.addAll(found.values());
    }
    return out;
  }

  private static List<Outcome> outcomesOf(ConfigRun c, String id) {
    List<Outcome> list = new ArrayList<>();
    for (SuiteRun r : c.repeats()) {
      Outcome o = r.outcomes().get(id);
      if (o != null) {
        list.add(o);
      }
    }
    return list;
  }

  /** A problem with the details of the first matching bad outcome in {@code c}. */
  private static Problem problem(String id, Kind kind, ConfigRun c, Optional<Outcome> wanted) {
    Optional<Detail> detail = Optional.empty();
    Optional<SuiteRun.Location> location = Optional.empty();
    for (SuiteRun r : c.repeats()) {
      location = location.or(() -> Optional.ofNullable(r.locations().get(id)));
      Outcome o = r.outcomes().get(id);
      if (detail.isEmpty()
          && o != null
          && (wanted.isEmpty() ? o.bad() : o == wanted.get())
          && r.details().containsKey(id)) {
        detail = Optional.of(r.details().get(id));
      }
    }
    Detail d =
        detail.orElseGet(() ->
            new Detail(
                kind == Kind.HANGS ? Category.TIMEOUT : Category.CRASH,
                "",
                kind == Kind.FLAKY ? "outcomes differ between repeats" : "no details recorded",
                List.of(),
                0,
                ""));
    String message = d.message();
    if (kind == Kind.FLAKY) {
      message =
          "outcomes across repeats: "
              + String.join(", ", outcomesOf(c, id).stream().map(Outcome::label).toList())
              + (message.isEmpty() || message.startsWith("outcomes")
                  ? ""
                  : "; first failure: " + message);
    }
    List<String> files = d.files();
    int line = d.line();
    if (files.isEmpty() && location.isPresent() && !location.get().file().isEmpty()) {
      files = List.of(location.get().file());
      line = location.get().line();
    } else if (line == 0 && location.isPresent()) {
      line = location.get().line();
    }
    return new Problem(
        id,
        kind,
        d.category(),
        d.exceptionType(),
        c.label(),
        message,
        files,
        line,
        d.threadDump(),
        List.of());
  }
}
