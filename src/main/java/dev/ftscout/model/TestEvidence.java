package dev.ftscout.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code ftscout test} found: the suite's outcomes under each configuration (GIL build,
 * free-threaded build, free-threaded with the GIL forced off, thread stress), and the differences
 * that matter, each categorised and tied to the files its traceback went through.
 *
 * @param command the test command as the user gave it
 * @param runner {@code pytest}, {@code unittest}, or {@code command} (any other command: only its
 *     exit status is known)
 * @param configurations each configuration run, in run order
 * @param tests every test seen, with its outcomes per configuration
 * @param problems regressions against the GIL baseline, each once per test and kind
 * @param singleThreaded tests that did not run concurrently under stress, and why
 * @param notes what qualifies the evidence
 */
public record TestEvidence(
    List<String> command,
    String runner,
    List<Configuration> configurations,
    List<TestOutcomes> tests,
    List<Problem> problems,
    List<SingleThreaded> singleThreaded,
    List<String> notes) {

  public TestEvidence {
    command = List.copyOf(command);
    configurations = List.copyOf(configurations);
    tests = List.copyOf(tests);
    problems = List.copyOf(problems);
    singleThreaded = List.copyOf(singleThreaded);
    notes = List.copyOf(notes);
  }

  /**
   * One configuration the suite ran under.
   *
   * @param label short name, e.g. {@code gil-3.11}, {@code ft-3.14t}, {@code ft-3.14t-gil0}, {@code
   *     stress-3.14t}
   * @param interpreter path of the interpreter
   * @param version its {@code major.minor}, with {@code t} for free-threaded builds
   * @param freeThreaded whether the interpreter is a free-threaded build
   * @param gilForcedOff whether {@code PYTHON_GIL=0} was set
   * @param stressThreads threads each test ran in concurrently (1: serial)
   * @param iterations times each thread ran each test
   * @param repeats times the whole suite ran
   * @param counts outcome counts over all repeats, by outcome label
   * @param wallMillis wall time of all runs of this configuration
   * @param exitCodes the test command's exit status per process started
   */
  public record Configuration(
      String label,
      String interpreter,
      String version,
      boolean freeThreaded,
      boolean gilForcedOff,
      int stressThreads,
      int iterations,
      int repeats,
      Map<String, Integer> counts,
      long wallMillis,
      List<Integer> exitCodes) {
    public Configuration {
      counts = Map.copyOf(counts);
      exitCodes = List.copyOf(exitCodes);
    }

    /** Whether this is a baseline (GIL build, serial) configuration. */
    public boolean baseline() {
      return !freeThreaded && stressThreads <= 1;
    }
  }

  /** The outcome of one test in one run. */
  public enum Outcome {
    PASSED,
    FAILED,
    ERROR,
    SKIPPED,
    CRASHED,
    HUNG;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Failed in any way. */
    public boolean bad() {
      return this == FAILED || this == ERROR || this == CRASHED || this == HUNG;
    }
  }

  /**
   * One test's outcomes.
   *
   * @param id the runner's id ({@code tests/test_x.py::test_y} for pytest, {@code
   *     tests.test_x.Case.test_y} for unittest)
   * @param outcomes configuration label to the outcome of each repeat, in order
   */
  public record TestOutcomes(String id, Map<String, List<Outcome>> outcomes) {
    public TestOutcomes {
      outcomes = Map.copyOf(outcomes);
    }
  }

  /** What kind of difference a problem is. */
  public enum Kind {
    /** Passes on the GIL build, fails on the free-threaded build. */
    FAILS_FREE_THREADED,
    /** Passes when run serially, fails when run concurrently in threads. */
    FAILS_UNDER_STRESS,
    /** Passes in some repeats of one configuration and fails in others. */
    FLAKY,
    /** Did not finish within the per-test timeout (threads dumped). */
    HANGS,
    /** The interpreter died while it ran. */
    CRASHES;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What a failure looked like. */
  public enum Category {
    ASSERTION,
    EXCEPTION,
    TIMEOUT,
    CRASH,
    /** A {@code RuntimeWarning} said the GIL was enabled to load a module. */
    GIL_WARNING;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A regression against the GIL baseline.
   *
   * @param test the test id
   * @param kind what differs
   * @param category what the failure looked like
   * @param exceptionType the exception's type name, or empty (crashes, hangs)
   * @param configuration the configuration it showed in
   * @param evidence one line: the assertion or exception message, the signal, the timeout
   * @param files project files the failure's traceback went through, relative to the root (the test
   *     file first); a {@code check} joins them with scan findings
   * @param line the test's first line in the first file, or 0 when unknown
   * @param threadDump for hangs and crashes, faulthandler's dump of every thread; else empty
   * @param relatedFindings scan findings in those files ({@code path:line:col RULE}), when a scan
   *     ran
   */
  public record Problem(
      String test,
      Kind kind,
      Category category,
      String exceptionType,
      String configuration,
      String evidence,
      List<String> files,
      int line,
      String threadDump,
      List<String> relatedFindings) {
    public Problem {
      files = List.copyOf(files);
      relatedFindings = List.copyOf(relatedFindings);
    }

    public Problem withRelatedFindings(List<String> related) {
      return new Problem(
          test,
          kind,
          category,
          exceptionType,
          configuration,
          evidence,
          files,
          line,
          threadDump,
          related);
    }
  }

  /**
   * A test the stress configuration ran in one thread only.
   *
   * @param test the test id
   * @param reason the marker or fixture that made it so
   */
  public record SingleThreaded(String test, String reason) {}

  /** Problems of one kind. */
  public List<Problem> problems(Kind kind) {
    return problems.stream().filter(p -> p.kind() == kind).toList();
  }

  /** The same evidence with these problems (e.g. after joining scan findings). */
  public TestEvidence withProblems(List<Problem> newProblems) {
    return new TestEvidence(
        command, runner, configurations, tests, newProblems, singleThreaded, notes);
  }
}
