package dev.ftscout.verdict;

import static dev.ftscout.model.ConcurrencyFacts.Kind.ASYNCIO;
import static dev.ftscout.model.ConcurrencyFacts.Kind.ASYNC_FRAMEWORK;
import static dev.ftscout.model.ConcurrencyFacts.Kind.CPU_LIBRARY;
import static dev.ftscout.model.ConcurrencyFacts.Kind.DB_CLIENT;
import static dev.ftscout.model.ConcurrencyFacts.Kind.MULTIPROCESSING;
import static dev.ftscout.model.ConcurrencyFacts.Kind.NETWORK_CLIENT;
import static dev.ftscout.model.ConcurrencyFacts.Kind.PROCESS_POOL;
import static dev.ftscout.model.ConcurrencyFacts.Kind.WEB_FRAMEWORK;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import dev.ftscout.model.Finding;
import dev.ftscout.verdict.Evidence.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verdict rubric from the product brief, made measurable: one explicit list of rules, each
 * giving at most one reason. See {@code docs/verdict.md} for the same list in prose.
 */
public final class VerdictRules {
  private VerdictRules() {}

  /** A speed-up below this at the best thread count is "no real scaling". */
  static final double REAL_SCALING = 1.5;

  /** PEP 779's bound on the single-thread slowdown of free-threaded builds. */
  static final double TAX_BOUND = 1.15;

  /** Evidence lists are cut here; the reports carry the rest. */
  static final int MAX_EVIDENCE = 5;

  /** Every verdict rule, in id order. */
  public static List<VerdictRule> all() {
    return List.of(
        new VerdictRule(
            "V01",
            "dependency-without-free-threaded-wheel",
            Verdict.NO,
            "A runtime dependency has no free-threaded wheel for the target and no pure-Python"
                + " fallback.",
            VerdictRules::blockers),
        new VerdictRule(
            "V02",
            "dependency-re-enables-gil",
            Verdict.NO,
            "The probe saw an import turn the GIL back on.",
            VerdictRules::reEnablers),
        new VerdictRule(
            "V03",
            "own-module-re-enables-gil",
            Verdict.NO,
            "One of the project's own extension modules does not declare GIL-free support, so"
                + " importing it turns the GIL back on.",
            VerdictRules::ownModules),
        new VerdictRule(
            "V04",
            "crashes-without-gil",
            Verdict.NO,
            "An import or a test crashed the free-threaded interpreter.",
            VerdictRules::crashes),
        new VerdictRule(
            "V05",
            "io-bound-no-cpu-parallelism",
            Verdict.NO,
            "The code is I/O-bound (asyncio, web, database, network clients) with no CPU-parallel"
                + " work, and no benchmark shows threads scaling: free-threading would not help.",
            VerdictRules::ioBound),
        new VerdictRule(
            "V06",
            "multiprocessing-cpu-work",
            Verdict.MAYBE,
            "CPU work runs on multiprocessing or process pools: threads could replace them and save"
                + " memory and inter-process copies.",
            VerdictRules::multiprocessing),
        new VerdictRule(
            "V07",
            "test-regressions-without-gil",
            Verdict.MAYBE,
            "Tests pass with the GIL but fail, hang or fail under thread stress without it.",
            VerdictRules::testRegressions),
        new VerdictRule(
            "V08",
            "hazards-in-own-code",
            Verdict.MAYBE,
            "The scan found hazards in the project's own sources that need fixing first.",
            VerdictRules::hazards),
        new VerdictRule(
            "V09",
            "conditional-gil-declaration",
            Verdict.MAYBE,
            "An own extension module declares GIL-free support only under a build condition.",
            VerdictRules::conditionalModules),
        new VerdictRule(
            "V10",
            "no-measured-scaling",
            Verdict.MAYBE,
            "A free-threaded benchmark ran and threads did not scale.",
            VerdictRules::noScaling),
        new VerdictRule(
            "V11",
            "single-thread-tax-above-bound",
            Verdict.MAYBE,
            "The free-threaded build is more than 15% slower on one thread (PEP 779's bound).",
            VerdictRules::tax),
        new VerdictRule(
            "V12",
            "dependencies-ready-not-verified",
            Verdict.MAYBE,
            "Every dependency was assessed and every binary one has a free-threaded wheel, but no"
                + " import probe has run.",
            VerdictRules::readyUnverified),
        new VerdictRule(
            "V13",
            "dependencies-unknown",
            Verdict.MAYBE,
            "Some dependencies could not be assessed, or the audit did not run.",
            VerdictRules::unknownDependencies),
        new VerdictRule(
            "V14",
            "scientific-stack-ready",
            Verdict.YES,
            "A C-extension-heavy scientific workload whose dependencies were all assessed and all"
                + " have free-threaded wheels.",
            VerdictRules::scientific),
        new VerdictRule(
            "V15",
            "probe-keeps-gil-off",
            Verdict.YES,
            "The probe imported everything in a free-threaded interpreter and the GIL stayed off.",
            VerdictRules::probeClean),
        new VerdictRule(
            "V16",
            "tests-pass-without-gil",
            Verdict.YES,
            "The test suite passes on the free-threaded build and under thread stress.",
            VerdictRules::testsPass),
        new VerdictRule(
            "V17",
            "threads-scale",
            Verdict.YES,
            "A free-threaded benchmark shows threads scaling.",
            VerdictRules::scaling));
  }

  private static Reason reason(
      String rule, Verdict to, int weight, String title, List<Evidence> evidence) {
    return new Reason(rule, to, weight, title, evidence.stream().limit(MAX_EVIDENCE).toList());
  }

  private static Optional<Reason> blockers(VerdictInput in) {
    List<VerdictInput.Blocker> blockers = in.dependencies().blockers();
    if (blockers.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    for (VerdictInput.Blocker b : blockers) {
      String detail =
          b.reason() + b.fixedIn().map(v -> "; first free-threaded release " + v).orElse("");
      String chain = b.chain().size() > 1 ? String.join(" → ", b.chain()) + ": " : "";
      evidence.add(new Evidence(Kind.PACKAGE, b.name() + "@" + b.version(), chain + detail));
    }
    return Optional.of(
        reason(
            "V01",
            Verdict.NO,
            100,
            count(blockers.size(), "dependency has", "dependencies have")
                + " no free-threaded wheel for "
                + in.dependencies().target()
                + " and no pure-Python fallback",
            evidence));
  }

  private static Optional<Reason> reEnablers(VerdictInput in) {
    return in.probe()
        .filter(p -> !p.reEnablers().isEmpty())
        .map(p ->
            reason(
                "V02",
                Verdict.NO,
                95,
                "Importing "
                    + count(p.reEnablers().size(), "module", "modules")
                    + " turns the GIL back on in "
                    + p.interpreter(),
                p.reEnablers().stream()
                    .map(c ->
                        new Evidence(
                            Kind.PROBE,
                            c.distribution() + "@" + c.version(),
                            (c.chain().size() > 1 ? String.join(" → ", c.chain()) + ": " : "")
                                + c.module()
                                + " re-enables the GIL ("
                                + c.evidence()
                                + ")"))
                    .toList()));
  }

  private static Optional<Reason> ownModules(VerdictInput in) {
    List<ExtensionModule> undeclared =
        in.ownModules().stream().filter(m -> m.declaration() == GilDeclaration.NO).toList();
    if (undeclared.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        reason(
            "V03",
            Verdict.NO,
            90,
            count(undeclared.size(), "own extension module does", "own extension modules do")
                + " not declare GIL-free support: importing "
                + (undeclared.size() == 1 ? "it" : "them")
                + " turns the GIL back on",
            undeclared.stream()
                .map(m ->
                    new Evidence(
                        Kind.SOURCE,
                        m.path() + ":" + m.line(),
                        m.name() + " (" + m.binding().label() + "): " + m.evidence()))
                .toList()));
  }

  private static Optional<Reason> crashes(VerdictInput in) {
    List<Evidence> evidence = new ArrayList<>();
    in.probe()
        .ifPresent(p ->
            p.crashes().forEach(m -> evidence.add(new Evidence(Kind.PROBE, m, "import crashed"))));
    in.tests()
        .filter(t -> t.crashes() > 0)
        .ifPresent(t ->
            evidence.add(
                new Evidence(
                    Kind.TEST,
                    t.command(),
                    count(t.crashes(), "test crashed", "tests crashed") + " the interpreter")));
    return evidence.isEmpty()
        ? Optional.empty()
        : Optional.of(
            reason("V04", Verdict.NO, 85, "The free-threaded interpreter crashed", evidence));
  }

  private static Optional<Reason> ioBound(VerdictInput in) {
    ConcurrencyFacts facts = in.concurrency();
    List<ConcurrencyFacts.Signal> io =
        facts.of(ASYNCIO, ASYNC_FRAMEWORK, WEB_FRAMEWORK, DB_CLIENT, NETWORK_CLIENT);
    int cpu = facts.count(MULTIPROCESSING) + facts.count(PROCESS_POOL) + facts.count(CPU_LIBRARY);
    boolean scales =
        in.bench().filter(b -> b.freeThreaded() && b.bestSpeedup() >= REAL_SCALING).isPresent();
    if (io.isEmpty() || cpu > 0 || scales) {
      return Optional.empty();
    }
    String model =
        facts.count(ASYNCIO) + facts.count(ASYNC_FRAMEWORK) > 0
            ? "asyncio is the concurrency model"
            : "web, database and network calls dominate";
    return Optional.of(
        reason(
            "V05",
            Verdict.NO,
            80,
            "I/O-bound: "
                + model
                + " and nothing runs CPU work in parallel, so removing the GIL"
                + " buys nothing",
            signals(io)));
  }

  private static Optional<Reason> multiprocessing(VerdictInput in) {
    List<ConcurrencyFacts.Signal> mp = in.concurrency().of(MULTIPROCESSING, PROCESS_POOL);
    if (mp.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        reason(
            "V06",
            Verdict.MAYBE,
            60,
            "CPU work runs on process pools: threads could replace them and drop the memory and"
                + " copying cost of processes",
            signals(mp)));
  }

  private static Optional<Reason> testRegressions(VerdictInput in) {
    return in.tests()
        .filter(t -> t.regressions() + t.stressFailures() + t.hangs() > 0)
        .map(t -> {
          List<String> parts = new ArrayList<>();
          if (t.regressions() > 0) {
            parts.add(count(t.regressions(), "test fails", "tests fail") + " without the GIL");
          }
          if (t.stressFailures() > 0) {
            parts.add(t.stressFailures() + " only under thread stress");
          }
          if (t.hangs() > 0) {
            parts.add(count(t.hangs(), "test hangs", "tests hang"));
          }
          List<Evidence> evidence =
              t.examples().stream().map(id -> new Evidence(Kind.TEST, id, "")).toList();
          return reason("V07", Verdict.MAYBE, 70, capitalise(String.join(", ", parts)), evidence);
        });
  }

  private static Optional<Reason> hazards(VerdictInput in) {
    VerdictInput.Hazards h = in.hazards();
    if (h.errors() + h.warnings() == 0) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    for (Finding f : h.top()) {
      evidence.add(new Evidence(Kind.SOURCE, f.location(), f.ruleId() + " " + f.message()));
    }
    return Optional.of(
        reason(
            "V08",
            Verdict.MAYBE,
            h.errors() > 0 ? 65 : 50,
            count(h.errors() + h.warnings(), "hazard", "hazards")
                + " in the project's own code to fix first ("
                + count(h.errors(), "error", "errors")
                + ", "
                + count(h.warnings(), "warning", "warnings")
                + ")",
            evidence));
  }

  private static Optional<Reason> conditionalModules(VerdictInput in) {
    List<ExtensionModule> conditional =
        in.ownModules().stream()
            .filter(m -> m.declaration() == GilDeclaration.CONDITIONAL)
            .toList();
    if (conditional.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        reason(
            "V09",
            Verdict.MAYBE,
            45,
            count(conditional.size(), "extension module declares", "extension modules declare")
                + " GIL-free support only under a build condition",
            conditional.stream()
                .map(m -> new Evidence(Kind.SOURCE, m.path() + ":" + m.line(), m.evidence()))
                .toList()));
  }

  private static Optional<Reason> noScaling(VerdictInput in) {
    return in.bench()
        .filter(b -> b.freeThreaded() && b.bestSpeedup() < REAL_SCALING)
        .map(b ->
            reason(
                "V10",
                Verdict.MAYBE,
                55,
                "Threads did not scale on the free-threaded build: best "
                    + ratio(b.bestSpeedup())
                    + " at "
                    + b.threadsAtBest()
                    + " threads",
                List.of(new Evidence(Kind.BENCH, b.workload(), ratio(b.bestSpeedup())))));
  }

  private static Optional<Reason> tax(VerdictInput in) {
    return in.bench()
        .filter(b -> b.singleThreadTax().orElse(0) > TAX_BOUND)
        .map(b -> {
          double t = b.singleThreadTax().orElseThrow();
          return reason(
              "V11",
              Verdict.MAYBE,
              40,
              "One thread runs "
                  + percent(t - 1)
                  + " slower free-threaded, above PEP 779's 15% bound",
              List.of(new Evidence(Kind.BENCH, b.workload(), "tax " + ratio(t))));
        });
  }

  private static Optional<Reason> readyUnverified(VerdictInput in) {
    VerdictInput.Dependencies d = in.dependencies();
    if (!d.audited()
        || !d.blockers().isEmpty()
        || !d.unknown().isEmpty()
        || in.probe().isPresent()) {
      return Optional.empty();
    }
    String unverified = "nothing has been verified at run time (a wheel tag is not proof)";
    String title =
        d.total() == 0
            ? "No dependency stands in the way of " + d.target() + ", but " + unverified
            : d.binary() == 0
                ? "Every dependency is pure Python, so none blocks "
                    + d.target()
                    + ", but "
                    + unverified
                : "Every binary dependency has a free-threaded wheel for "
                    + d.target()
                    + ", but "
                    + unverified;
    return Optional.of(
        reason(
            "V12",
            Verdict.MAYBE,
            45,
            title,
            List.of(
                new Evidence(
                    Kind.PACKAGE,
                    count(d.total(), "dependency", "dependencies"),
                    d.binary() == 0
                        ? "none binary"
                        : d.binary() + " binary, all with free-threaded wheels"))));
  }

  private static Optional<Reason> unknownDependencies(VerdictInput in) {
    VerdictInput.Dependencies d = in.dependencies();
    if (!d.audited()) {
      return Optional.of(
          reason(
              "V13",
              Verdict.MAYBE,
              35,
              "Dependencies were not audited: " + d.notAuditedReason(),
              List.of()));
    }
    if (d.unknown().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        reason(
            "V13",
            Verdict.MAYBE,
            35,
            count(d.unknown().size(), "dependency", "dependencies") + " could not be assessed",
            d.unknown().stream().map(u -> new Evidence(Kind.PACKAGE, u, "")).toList()));
  }

  private static Optional<Reason> scientific(VerdictInput in) {
    List<ConcurrencyFacts.Signal> cpu = in.concurrency().of(CPU_LIBRARY);
    VerdictInput.Dependencies d = in.dependencies();
    if (cpu.isEmpty() || !d.audited() || !d.blockers().isEmpty() || !d.unknown().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        reason(
            "V14",
            Verdict.YES,
            70,
            "A scientific C-extension workload whose dependencies all have free-threaded wheels",
            signals(cpu)));
  }

  private static Optional<Reason> probeClean(VerdictInput in) {
    return in.probe()
        .filter(p -> p.freeThreaded() && p.reEnablers().isEmpty() && p.crashes().isEmpty())
        .map(p ->
            reason(
                "V15",
                Verdict.YES,
                65,
                "The GIL stayed off while importing all "
                    + p.modules()
                    + " modules in "
                    + p.interpreter(),
                List.of(
                    new Evidence(Kind.PROBE, p.interpreter(), p.modules() + " modules, GIL off"))));
  }

  private static Optional<Reason> testsPass(VerdictInput in) {
    return in.tests()
        .filter(t -> t.freeThreadedRan() && t.problems() == 0 && t.tests() > 0)
        .map(t ->
            reason(
                "V16",
                Verdict.YES,
                60,
                "All " + t.tests() + " tests pass free-threaded and under thread stress",
                List.of(new Evidence(Kind.TEST, t.command(), t.tests() + " tests"))));
  }

  private static Optional<Reason> scaling(VerdictInput in) {
    return in.bench()
        .filter(b -> b.freeThreaded() && b.bestSpeedup() >= REAL_SCALING)
        .map(b ->
            reason(
                "V17",
                Verdict.YES,
                75,
                "Threads scale: "
                    + ratio(b.bestSpeedup())
                    + " at "
                    + b.threadsAtBest()
                    + " threads",
                List.of(new Evidence(Kind.BENCH, b.workload(), ratio(b.bestSpeedup())))));
  }

  private static List<Evidence> signals(List<ConcurrencyFacts.Signal> signals) {
    return signals.stream()
        .map(s ->
            new Evidence(
                Kind.SOURCE, s.line() > 0 ? s.path() + ":" + s.line() : s.path(), s.detail()))
        .toList();
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
