package dev.ftscout.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against real processes: real interpreters, real pipes, real signals. */
class ProcessRunnerTest {
  private static Path python;
  private final ProcessRunner runner = new ProcessRunner();
  @TempDir Path dir;

  @BeforeAll
  static void findPython() {
    python =
        Pythons.newest()
            .map(Pythons.Python::executable)
            .orElseGet(() -> {
              Assumptions.abort("no CPython interpreter found (pyenv or PATH)");
              return Path.of("python3");
            });
  }

  private ProcessSpec py(String code, String... args) {
    List<String> argv = new ArrayList<>(List.of(python.toString(), "-c", code));
    argv.addAll(List.of(args));
    return ProcessSpec.of(argv, Map.of("PATH", System.getenv().getOrDefault("PATH", "")), dir);
  }

  @Test
  void passesArgvVerbatimWithoutAShell() throws IOException {
    String[] tricky = {"a b", "$HOME", "; rm -rf /", "'q'", "\"dq\"", "*", ""};
    ProcessResult r = runner.run(py("import sys, json; print(json.dumps(sys.argv[1:]))", tricky));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.stdout().strip())
        .isEqualTo("[\"a b\", \"$HOME\", \"; rm -rf /\", \"'q'\", \"\\\"dq\\\"\", \"*\", \"\"]");
  }

  @Test
  void childSeesExactlyTheGivenEnvironment() throws IOException {
    Path env = Path.of("/usr/bin/env");
    Assumptions.assumeTrue(Files.isExecutable(env), "/usr/bin/env is needed");
    ProcessResult r =
        runner.run(ProcessSpec.of(List.of(env.toString()), Map.of("ONLY_THIS", "1"), dir));
    assertThat(r.stdout().lines().toList()).containsExactly("ONLY_THIS=1");
  }

  @Test
  void stdinIsClosedAndWorkingDirectoryIsUsed() throws IOException {
    ProcessResult r =
        runner.run(py("import sys, os; print(repr(sys.stdin.read())); print(os.getcwd())"));
    assertThat(r.stdout().lines().toList()).containsExactly("''", dir.toRealPath().toString());
  }

  @Test
  void killsAHangingProcessAtTheTimeout() throws IOException {
    ProcessResult r =
        runner.run(py("import time; time.sleep(600)").withTimeout(Duration.ofMillis(800)));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.idleTimedOut()).isFalse();
    assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
    assertThat(r.signal()).contains(9);
    assertThat(r.describeEnd()).isEqualTo("killed after timeout");
  }

  @Test
  void floodOnBothStreamsIsDrainedAndCapped() throws IOException {
    String code =
        """
        import sys
        chunk = 'x' * 1023 + '\\n'
        sys.stdout.write('START\\n')
        for i in range(30000):
            sys.stdout.write(chunk); sys.stderr.write(chunk)
        sys.stdout.write('END\\n')
        """;
    List<String> lines = new CopyOnWriteArrayList<>();
    ProcessResult r =
        runner.run(py(code).withLimits(4096, 2048).withTimeout(Duration.ofSeconds(60)), lines::add);
    assertThat(r.succeeded()).isTrue();
    assertThat(r.stdoutTruncated()).isTrue();
    assertThat(r.stderrTruncated()).isTrue();
    assertThat(r.stdout()).startsWith("START\n").endsWith("END\n");
    assertThat(r.stdout().length()).isLessThan(4096 + 100);
    assertThat(r.stderr().length()).isLessThan(2048 + 100);
    // The listener still saw every line: the cap bounds memory, not observation.
    assertThat(lines).hasSize(30002);
    assertThat(lines.get(lines.size() - 1)).isEqualTo("END");
  }

  @Test
  void childThatWouldOutliveATimedOutParentIsKilled() throws IOException {
    String code =
        """
        import subprocess, sys, time
        c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])
        print(c.pid, flush=True)
        time.sleep(600)
        """;
    ProcessResult r = runner.run(py(code).withTimeout(Duration.ofSeconds(2)));
    assertThat(r.timedOut()).isTrue();
    assertGone(Long.parseLong(r.stdout().strip()));
  }

  @Test
  void childThatWouldOutliveAParentThatExitsIsKilled() throws IOException {
    // The child detaches into its own session and keeps our stdout open: without tree tracking
    // it would survive, and reading stdout to its end would wait ten minutes.
    String code =
        """
        import subprocess, sys, time
        c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'],
                             start_new_session=True)
        print(c.pid, flush=True)
        time.sleep(1)
        """;
    ProcessResult r = runner.run(py(code).withTimeout(Duration.ofSeconds(60)));
    assertThat(r.timedOut()).isFalse();
    assertThat(r.exitCode()).isZero();
    assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
    assertGone(Long.parseLong(r.stdout().strip()));
  }

  @Test
  void idleTimeoutFiresWhenStdoutGoesSilent() throws IOException {
    String code =
        """
        import time
        for i in range(5):
            print('tick', i, flush=True); time.sleep(0.1)
        time.sleep(600)
        """;
    List<String> lines = new CopyOnWriteArrayList<>();
    ProcessResult r =
        runner.run(
            py(code).withTimeout(Duration.ofSeconds(60)).withIdleTimeout(Duration.ofMillis(1500)),
            lines::add);
    assertThat(r.timedOut()).isTrue();
    assertThat(r.idleTimedOut()).isTrue();
    assertThat(lines).containsExactly("tick 0", "tick 1", "tick 2", "tick 3", "tick 4");
  }

  @Test
  void reportsTheSignalThatKilledTheProcess() throws IOException {
    ProcessResult r = runner.run(py("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"));
    assertThat(r.timedOut()).isFalse();
    assertThat(r.signal()).isEqualTo(Optional.of(11));
    assertThat(r.describeEnd()).isEqualTo("killed by signal 11 (SIGSEGV)");
  }

  @Test
  void lastLineWithoutNewlineReachesTheListener() throws IOException {
    List<String> lines = new CopyOnWriteArrayList<>();
    runner.run(py("import sys; sys.stdout.write('a\\r\\nb\\nc')"), lines::add);
    assertThat(lines).containsExactly("a", "b", "c");
  }

  @Test
  void listenerFailureKillsTheProcessAndIsRethrown() {
    assertThatThrownBy(() ->
            runner.run(
                py("import time\nprint('x', flush=True)\ntime.sleep(600)"),
                line -> {
                  throw new IllegalStateException("bad line " + line);
                }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bad line x");
  }

  @Test
  void missingProgramIsAnIoError() {
    assertThatThrownBy(() ->
            runner.run(ProcessSpec.of(List.of(dir.resolve("nope").toString()), Map.of(), dir)))
        .isInstanceOf(IOException.class);
  }

  private static void assertGone(long pid) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    assertThat(h.map(ProcessHandle::isAlive).orElse(false))
        .as("child %d is still alive", pid)
        .isFalse();
  }
}
