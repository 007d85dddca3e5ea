package dev.ftscout.runtime.process;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a subprocess ended and what it wrote.
 *
 * @param argv what was run
 * @param exitCode the status the operating system reported ({@code 128 + n} when killed by signal n
 *     on POSIX, as Java reports it)
 * @param signal the signal that ended the process, when the exit code says one did (POSIX only; a
 *     process that calls {@code exit(139)} itself is indistinguishable from one killed by SIGSEGV)
 * @param duration wall time from start to the end of the process
 * @param stdout kept stdout (see {@code stdoutTruncated})
 * @param stderr kept stderr
 * @param stdoutTruncated more stdout was written than was kept
 * @param stderrTruncated more stderr was written than was kept
 * @param timedOut the runner killed the process tree because a timeout ran out
 * @param idleTimedOut the timeout that ran out was the idle (silent stdout) one
 */
public record ProcessResult(
    List<String> argv,
    int exitCode,
    Optional<Integer> signal,
    Duration duration,
    String stdout,
    String stderr,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    boolean timedOut,
    boolean idleTimedOut) {

  public ProcessResult {
    argv = List.copyOf(argv);
  }

  /** Exited by itself with status 0. */
  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }

  /** One line for messages: how it ended. */
  public String describeEnd() {
    if (timedOut) {
      return idleTimedOut ? "killed after going silent (idle timeout)" : "killed after timeout";
    }
    return signal
        .map(s -> "killed by signal " + s + Signals.name(s).map(n -> " (" + n + ")").orElse(""))
        .orElse("exit code " + exitCode);
  }
}
