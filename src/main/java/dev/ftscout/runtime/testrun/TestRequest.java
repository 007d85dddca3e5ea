package dev.ftscout.runtime.testrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ftscout test} runs.
 *
 * @param command the test command after {@code --} (e.g. {@code python -m pytest tests})
 * @param project the project root: the working folder of every run
 * @param pythons interpreters to run under; empty: the first Python 3 on PATH and the free-threaded
 *     interpreter doctor recommends
 * @param stressThreads threads per test in the stress configuration; 0 or 1: no stress run
 * @param iterations times each thread runs each test under stress
 * @param repeat times each configuration runs the suite (flakiness shows across repeats)
 * @param perTestTimeout a test still running after this long is a hang: threads are dumped
 * @param runTimeout one run of the whole suite is killed after this long
 * @param perThreadFixtures pytest fixtures evaluated once per thread under stress
 */
public record TestRequest(
    List<String> command,
    Path project,
    List<Path> pythons,
    int stressThreads,
    int iterations,
    int repeat,
    Duration perTestTimeout,
    Duration runTimeout,
    List<String> perThreadFixtures) {

  public TestRequest {
    command = List.copyOf(command);
    pythons = List.copyOf(pythons);
    perThreadFixtures = List.copyOf(perThreadFixtures);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty test command");
    }
    if (repeat < 1 || iterations < 1 || stressThreads < 0) {
      throw new IllegalArgumentException("repeat and iterations must be at least 1");
    }
  }

  /** Defaults: 4 stress threads, 5 iterations, 1 repeat, 60 s per test, 30 min per run. */
  public static TestRequest of(List<String> command, Path project) {
    return new TestRequest(
        command,
        project,
        List.of(),
        4,
        5,
        1,
        Duration.ofSeconds(60),
        Duration.ofMinutes(30),
        List.of());
  }

  public TestRequest withPythons(List<Path> list) {
    return new TestRequest(
        command,
        project,
        list,
        stressThreads,
        iterations,
        repeat,
        perTestTimeout,
        runTimeout,
        perThreadFixtures);
  }

  public TestRequest withStress(int threads, int perThreadIterations) {
    return new TestRequest(
        command,
        project,
        pythons,
        threads,
        perThreadIterations,
        repeat,
        perTestTimeout,
        runTimeout,
        perThreadFixtures);
  }

  public TestRequest withRepeat(int times) {
    return new TestRequest(
        command,
        project,
        pythons,
        stressThreads,
        iterations,
        times,
        perTestTimeout,
        runTimeout,
        perThreadFixtures);
  }

  public TestRequest withPerTestTimeout(Duration timeout) {
    return new TestRequest(
        command,
        project,
        pythons,
        stressThreads,
        iterations,
        repeat,
        timeout,
        runTimeout,
        perThreadFixtures);
  }

  public TestRequest withPerThreadFixtures(List<String> names) {
    return new TestRequest(
        command,
        project,
        pythons,
        stressThreads,
        iterations,
        repeat,
        perTestTimeout,
        runTimeout,
        names);
  }
}
