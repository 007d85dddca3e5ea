package dev.ftscout.runtime.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one subprocess safely: the argument vector goes to the operating system as it is (never
 * through a shell), the environment is exactly the one given, stdin is closed, stdout and stderr
 * are drained concurrently into capped buffers, and on timeout the whole process tree is killed.
 *
 * <p>The tree is tracked while the process runs (its descendants are sampled every poll interval),
 * so children that would outlive their parent are killed as well, whether the parent timed out or
 * exited by itself. A child that double-forks between two samples can escape; the drain threads
 * then stop waiting after a grace period instead of hanging on the inherited pipe.
 *
 * <p>Every runtime feature (doctor, probe, test, bench) starts processes through this class.
 */
public final class ProcessRunner {
  private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

  private final Duration pollInterval;
  private final boolean windows;

  /** A runner that samples the process tree every 50 ms. */
  public ProcessRunner() {
    this(Duration.ofMillis(50));
  }

  public ProcessRunner(Duration pollInterval) {
    this.pollInterval = pollInterval;
    this.windows = System.getProperty("os.name", "").startsWith("Windows");
  }

  /** Runs {@code spec} to its end or its timeout. */
  public ProcessResult run(ProcessSpec spec) throws IOException {
    return run(spec, line -> {});
  }

  /**
   * Runs {@code spec}, handing each complete stdout line (without its line terminator) to {@code
   * stdoutLines} as it arrives, on the draining thread. Lines reach the listener whatever the
   * stdout limit; the limit only bounds what the result keeps. If the listener throws, the process
   * tree is killed and the exception is rethrown here.
   */
  public ProcessResult run(ProcessSpec spec, Consumer<String> stdoutLines) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(spec.argv());
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    builder.directory(spec.workingDirectory().toFile());
    long started = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();

    CappedText out = new CappedText(spec.stdoutLimit());
    CappedText err = new CappedText(spec.stderrLimit());
    AtomicLong lastLine = new AtomicLong(started);
    AtomicReference<RuntimeException> listenerFailure = new AtomicReference<>();
    Thread outDrain =
        drain(
            "stdout",
            process.getInputStream(),
            out,
            line -> {
              lastLine.set(System.nanoTime());
              if (listenerFailure.get() == null) {
                try {
                  stdoutLines.accept(line);
                } catch (RuntimeException e) {
                  listenerFailure.set(e);
                }
              }
            });
    Thread errDrain = drain("stderr", process.getErrorStream(), err, line -> {});

    Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
    long deadline = started + spec.timeout().toNanos();
    Optional<Long> idleNanos = spec.idleTimeout().map(Duration::toNanos);
    boolean timedOut = false;
    boolean idleTimedOut = false;
    long ended;
    try {
      while (true) {
        long now = System.nanoTime();
        long wait = Math.min(pollInterval.toNanos(), Math.max(0, deadline - now));
        if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
          ended = System.nanoTime();
          break;
        }
        process.descendants().forEach(h -> tree.putIfAbsent(h.pid(), h));
        now = System.nanoTime();
        if (listenerFailure.get() != null) {
          killTree(process, tree);
          ended = now;
          break;
        }
        if (now - deadline >= 0) {
          timedOut = true;
        } else if (idleNanos.isPresent() && now - lastLine.get() >= idleNanos.get()) {
          timedOut = true;
          idleTimedOut = true;
        }
        if (timedOut) {
          killTree(process, tree);
          ended = System.nanoTime();
          break;
        }
      }
    } catch (InterruptedException e) {
      killTree(process, tree);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + spec.argv(), e);
    }
    // The parent is gone; whatever it started must not outlive it.
    killTree(process, tree);
    join(outDrain);
    join(errDrain);
    RuntimeException failure = listenerFailure.get();
    if (failure != null) {
      throw failure;
    }
    int exit = process.exitValue();
    Optional<Integer> signal =
        !windows && exit > 128 && exit < 128 + 65 ? Optional.of(exit - 128) : Optional.empty();
    return new ProcessResult(
        spec.argv(),
        exit,
        signal,
        Duration.ofNanos(ended - started),
        out.text(),
        err.text(),
        out.truncated(),
        err.truncated(),
        timedOut,
        idleTimedOut);
  }

  private static void killTree(Process process, Map<Long, ProcessHandle> tree) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.descendants().forEach(all::add);
    all.addAll(tree.values());
    // Kill the parent first so it cannot start replacements, then everything it started.
    for (ProcessHandle h : all) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // A process that does not die within 5 s of SIGKILL is beyond our reach; go on.
      }
    }
  }

  private static void join(Thread t) {
    try {
      t.join(DRAIN_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread drain(
      String name, InputStream stream, CappedText sink, Consumer<String> lines) {
    Thread t =
        new Thread(
            () -> {
              StringBuilder line = new StringBuilder();
              char[] buf = new char[8192];
              try (Reader r = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int n;
                while ((n = r.read(buf)) > 0) {
                  sink.append(buf, 0, n);
                  for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n') {
                      int len = line.length();
                      if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                      }
                      lines.accept(line.toString());
                      line.setLength(0);
                    } else if (line.length() < ProcessSpec.DEFAULT_LIMIT) {
                      line.append(c);
                    }
                  }
                }
                if (!line.isEmpty()) {
                  lines.accept(line.toString());
                }
              } catch (IOException e) {
                // The pipe closed under us (the tree was killed): what we read is what we keep.
              }
            },
            "ftscout-drain-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
