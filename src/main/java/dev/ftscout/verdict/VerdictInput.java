package dev.ftscout.verdict;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the verdict weighs, summarised from the scan, the dependency audit and the runtime
 * checks that ran. The {@code check} command fills it; the verdict rules only read it.
 *
 * @param project how to name the project in commands (the path given to {@code check})
 * @param concurrency concurrency model and workload signals
 * @param hazards findings in the project's own sources
 * @param ownModules the project's own extension modules and their GIL-free declarations
 * @param dependencies the dependency audit, or why it did not run
 * @param probe the import probe, when it ran
 * @param tests the test-suite comparison, when it ran
 * @param bench the benchmark, when it ran
 * @param failures parts of the check that failed, one line each
 */
public record VerdictInput(
    String project,
    ConcurrencyFacts concurrency,
    Hazards hazards,
    List<ExtensionModule> ownModules,
    Dependencies dependencies,
    Optional<Probe> probe,
    Optional<Tests> tests,
    Optional<Bench> bench,
    List<String> failures) {

  public VerdictInput {
    ownModules = List.copyOf(ownModules);
    failures = List.copyOf(failures);
  }

  /** Whether any runtime check ran: that makes the verdict "verified". */
  public boolean verified() {
    return probe.isPresent() || tests.isPresent() || bench.isPresent();
  }

  /**
   * The project's own findings.
   *
   * @param errors findings of severity error
   * @param warnings findings of severity warning
   * @param infos findings of severity info
   * @param top the most serious findings, most serious first (a few)
   */
  public record Hazards(int errors, int warnings, int infos, List<Finding> top) {
    public Hazards {
      top = List.copyOf(top);
    }

    public static Hazards none() {
      return new Hazards(0, 0, 0, List.of());
    }
  }

  /**
   * The dependency audit for one target.
   *
   * @param audited whether the audit ran to the end
   * @param notAuditedReason why it did not, when it did not
   * @param target the free-threaded target, e.g. {@code 3.14t}
   * @param total dependencies, direct and transitive
   * @param binary how many ship compiled code
   * @param blockers dependencies with no free-threaded wheel and no pure-Python fallback
   * @param slowerWithoutExtension binary dependencies that fall back to pure Python ({@code
   *     name@version})
   * @param unknown dependencies that could not be assessed ({@code name: why})
   * @param upgradePlan version bumps that make every binary dependency free-threaded
   */
  public record Dependencies(
      boolean audited,
      String notAuditedReason,
      String target,
      int total,
      int binary,
      List<Blocker> blockers,
      List<String> slowerWithoutExtension,
      List<String> unknown,
      List<NextStep> upgradePlan) {
    public Dependencies {
      blockers = List.copyOf(blockers);
      slowerWithoutExtension = List.copyOf(slowerWithoutExtension);
      unknown = List.copyOf(unknown);
      upgradePlan = List.copyOf(upgradePlan);
    }

    public static Dependencies notAudited(String reason) {
      return new Dependencies(false, reason, "", 0, 0, List.of(), List.of(), List.of(), List.of());
    }
  }

  /**
   * A dependency that blocks the target.
   *
   * @param name distribution name
   * @param version the version evaluated
   * @param chain how the project depends on it, e.g. {@code [myapp, pandas 2.1.0, numpy 1.26.4]}
   * @param reason e.g. {@code no cp314t wheel}
   * @param fixedIn the first release with a free-threaded wheel, when there is one
   * @param where the requirement's file and line, e.g. {@code requirements.txt:3}
   */
  public record Blocker(
      String name,
      String version,
      List<String> chain,
      String reason,
      Optional<String> fixedIn,
      String where) {
    public Blocker {
      chain = List.copyOf(chain);
    }
  }

  /**
   * The import probe.
   *
   * @param interpreter the interpreter it ran in
   * @param freeThreaded whether that was a free-threaded build (false for a dry run)
   * @param modules how many modules it imported
   * @param reEnablers modules that turned the GIL back on
   * @param crashes modules whose import crashed the interpreter
   * @param importFailures modules that failed to import
   */
  public record Probe(
      String interpreter,
      boolean freeThreaded,
      int modules,
      List<Culprit> reEnablers,
      List<String> crashes,
      List<String> importFailures) {
    public Probe {
      reEnablers = List.copyOf(reEnablers);
      crashes = List.copyOf(crashes);
      importFailures = List.copyOf(importFailures);
    }
  }

  /**
   * A module that re-enables the GIL.
   *
   * @param module the extension module named by CPython
   * @param distribution the distribution that ships it
   * @param version its version
   * @param evidence the exact warning or verbose line
   * @param chain how the project depends on the distribution, when known
   */
  public record Culprit(
      String module, String distribution, String version, String evidence, List<String> chain) {
    public Culprit {
      chain = List.copyOf(chain);
    }
  }

  /**
   * The test suite run with and without the GIL.
   *
   * @param command the test command
   * @param freeThreadedRan whether a free-threaded configuration ran
   * @param tests tests seen
   * @param regressions tests that pass with the GIL and fail without it
   * @param stressFailures tests that fail only under thread stress
   * @param hangs tests that hung
   * @param crashes tests during which the interpreter crashed
   * @param examples a few test ids among the failures
   */
  public record Tests(
      String command,
      boolean freeThreadedRan,
      int tests,
      int regressions,
      int stressFailures,
      int hangs,
      int crashes,
      List<String> examples) {
    public Tests {
      examples = List.copyOf(examples);
    }

    public int problems() {
      return regressions + stressFailures + hangs + crashes;
    }
  }

  /**
   * The benchmark.
   *
   * @param workload the workload the figures come from
   * @param freeThreaded whether the scaling figures come from a free-threaded interpreter
   * @param bestSpeedup the best multi-thread speed-up over one thread
   * @param threadsAtBest the thread count of that speed-up
   * @param singleThreadTax free-threaded / GIL single-thread time, when both ran
   */
  public record Bench(
      String workload,
      boolean freeThreaded,
      double bestSpeedup,
      int threadsAtBest,
      OptionalDouble singleThreadTax) {}
}
