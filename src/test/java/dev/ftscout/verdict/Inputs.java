package dev.ftscout.verdict;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ConcurrencyFacts.Kind;
import dev.ftscout.model.ConcurrencyFacts.Signal;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import dev.ftscout.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** A builder of verdict inputs for tests: start from nothing known and add facts. */
final class Inputs {
  private final List<Signal> signals = new ArrayList<>();
  private VerdictInput.Hazards hazards = VerdictInput.Hazards.none();
  private final List<ExtensionModule> modules = new ArrayList<>();
  private VerdictInput.Dependencies deps =
      new VerdictInput.Dependencies(
          true, "", "3.14t", 10, 2, List.of(), List.of(), List.of(), List.of());
  private Optional<VerdictInput.Probe> probe = Optional.empty();
  private Optional<VerdictInput.Tests> tests = Optional.empty();
  private Optional<VerdictInput.Bench> bench = Optional.empty();

  static Inputs project() {
    return new Inputs();
  }

  Inputs signal(Kind kind, String detail) {
    signals.add(new Signal(kind, detail, "app/main.py", signals.size() + 1));
    return this;
  }

  Inputs hazards(int errors, int warnings) {
    List<Finding> top = new ArrayList<>();
    if (errors + warnings > 0) {
      top.add(
          new Finding(
              "FT101",
              errors > 0 ? Severity.ERROR : Severity.WARNING,
              "global counter incremented from threads",
              "app/stats.py",
              Span.onLine(12, 5, 12),
              "    counter += 1",
              "guard it with a lock"));
    }
    hazards = new VerdictInput.Hazards(errors, warnings, 0, top);
    return this;
  }

  Inputs module(ExtensionModule.GilDeclaration declaration) {
    modules.add(
        new ExtensionModule(
            "demo._speedups",
            ExtensionModule.Binding.C_MULTI_PHASE,
            "src/speedups.c",
            40,
            declaration,
            "slots"));
    return this;
  }

  Inputs blocker(String name, String version, Optional<String> fixedIn) {
    List<VerdictInput.Blocker> blockers = new ArrayList<>(deps.blockers());
    blockers.add(
        new VerdictInput.Blocker(
            name,
            version,
            List.of("myapp", "pandas 2.1.0", name + " " + version),
            "no cp314t wheel",
            fixedIn,
            "requirements.txt:3"));
    deps =
        new VerdictInput.Dependencies(
            true,
            "",
            "3.14t",
            deps.total(),
            deps.binary(),
            blockers,
            deps.slowerWithoutExtension(),
            deps.unknown(),
            fixedIn.isPresent()
                ? List.of(new NextStep("Upgrade " + name + " to " + fixedIn.get(), ""))
                : List.of());
    return this;
  }

  Inputs unknownDependency(String what) {
    deps =
        new VerdictInput.Dependencies(
            true,
            "",
            "3.14t",
            deps.total(),
            deps.binary(),
            deps.blockers(),
            deps.slowerWithoutExtension(),
            List.of(what),
            deps.upgradePlan());
    return this;
  }

  Inputs depsNotAudited(String why) {
    deps = VerdictInput.Dependencies.notAudited(why);
    return this;
  }

  Inputs probeClean() {
    probe =
        Optional.of(
            new VerdictInput.Probe("python3.14t", true, 120, List.of(), List.of(), List.of()));
    return this;
  }

  Inputs probeCulprit(String module, String dist) {
    probe =
        Optional.of(
            new VerdictInput.Probe(
                "python3.14t",
                true,
                120,
                List.of(
                    new VerdictInput.Culprit(
                        module,
                        dist,
                        "6.1.1",
                        "# loading module '" + module + "', which requires the GIL",
                        List.of("myapp", "readability-lxml 0.8.1", dist + " 6.1.1"))),
                List.of(),
                List.of()));
    return this;
  }

  Inputs probeCrash(String module) {
    probe =
        Optional.of(
            new VerdictInput.Probe(
                "python3.14t", true, 120, List.of(), List.of(module), List.of()));
    return this;
  }

  Inputs tests(int total, int regressions, int stress, int hangs, int crashes) {
    tests =
        Optional.of(
            new VerdictInput.Tests(
                "python -m pytest",
                true,
                total,
                regressions,
                stress,
                hangs,
                crashes,
                regressions + stress + hangs + crashes > 0
                    ? List.of("tests/test_cache.py::test_concurrent_fill")
                    : List.of()));
    return this;
  }

  Inputs bench(double speedup, double tax) {
    bench =
        Optional.of(new VerdictInput.Bench("mandelbrot", true, speedup, 8, OptionalDouble.of(tax)));
    return this;
  }

  VerdictInput build() {
    return new VerdictInput(
        "examples/app",
        new ConcurrencyFacts(signals),
        hazards,
        modules,
        deps,
        probe,
        tests,
        bench,
        List.of());
  }
}
