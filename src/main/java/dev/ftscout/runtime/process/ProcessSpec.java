package dev.ftscout.runtime.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to run: an explicit argument vector (no shell), the complete environment, the working
 * directory, a wall-clock timeout and an optional idle timeout, and how much of each output stream
 * to keep.
 *
 * <p>The environment is the whole environment of the child, not additions to ours: callers decide
 * what reaches a subprocess (see {@link #inheritingEnvironment}).
 *
 * @param argv program and arguments, passed to the operating system as they are
 * @param environment every variable the child sees
 * @param workingDirectory the child's current directory
 * @param timeout the whole run is killed (with its process tree) after this long
 * @param idleTimeout when present, the run is killed when stdout stays silent this long; a line on
 *     stdout restarts the clock (used for per-step timeouts of long-lived workers)
 * @param stdoutLimit characters of stdout kept in the result (the rest is counted, not kept)
 * @param stderrLimit characters of stderr kept in the result
 */
public record ProcessSpec(
    List<String> argv,
    Map<String, String> environment,
    Path workingDirectory,
    Duration timeout,
    Optional<Duration> idleTimeout,
    int stdoutLimit,
    int stderrLimit) {

  /** Default cap on each kept output stream: 1 MiB of characters. */
  public static final int DEFAULT_LIMIT = 1 << 20;

  public ProcessSpec {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty argv");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (stdoutLimit < 0 || stderrLimit < 0) {
      throw new IllegalArgumentException("negative output limit");
    }
  }

  /** A spec with the given environment, a 60 s timeout, no idle timeout and default limits. */
  public static ProcessSpec of(List<String> argv, Map<String, String> environment, Path dir) {
    return new ProcessSpec(
        argv,
        environment,
        dir,
        Duration.ofSeconds(60),
        Optional.empty(),
        DEFAULT_LIMIT,
        DEFAULT_LIMIT);
  }

  /**
   * A spec whose environment is this JVM's environment, for callers that want the user's own
   * settings (PATH, HOME, proxies) to reach the child.
   */
  public static ProcessSpec inheritingEnvironment(List<String> argv, Path dir) {
    return of(argv, System.getenv(), dir);
  }

  public ProcessSpec withTimeout(Duration newTimeout) {
    return new ProcessSpec(
        argv, environment, workingDirectory, newTimeout, idleTimeout, stdoutLimit, stderrLimit);
  }

  public ProcessSpec withIdleTimeout(Duration idle) {
    return new ProcessSpec(
        argv, environment, workingDirectory, timeout, Optional.of(idle), stdoutLimit, stderrLimit);
  }

  public ProcessSpec withLimits(int stdoutChars, int stderrChars) {
    return new ProcessSpec(
        argv, environment, workingDirectory, timeout, idleTimeout, stdoutChars, stderrChars);
  }

  public ProcessSpec withEnvironment(Map<String, String> env) {
    return new ProcessSpec(
        argv, env, workingDirectory, timeout, idleTimeout, stdoutLimit, stderrLimit);
  }
}
