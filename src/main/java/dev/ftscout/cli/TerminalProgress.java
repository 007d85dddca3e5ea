package dev.ftscout.cli;

import dev.ftscout.model.Progress;
import java.io.PrintStream;

/**
 * A one-line progress display on stderr, redrawn in place with a carriage return, at most ten times
 * a second. Used only when stderr is a terminal, not {@code --quiet}, and not in CI.
 */
final class TerminalProgress implements Progress {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;

  private final PrintStream err;
  private String task = "";
  private int total;
  private int done;
  private long lastDraw;
  private int lastLength;

  TerminalProgress(PrintStream err) {
    this.err = err;
  }

  /** The display for this terminal and these flags: a real one or {@link Progress#none()}. */
  static Progress forTerminal(Terminal terminal, boolean quiet) {
    boolean ci = terminal.env("CI").filter(v -> !v.isBlank() && !v.equals("false")).isPresent();
    return terminal.stderrIsTty() && !quiet && !ci
        ? new TerminalProgress(terminal.err())
        : Progress.none();
  }

  @Override
  public synchronized void start(String newTask, int newTotal) {
    task = newTask;
    total = Math.max(0, newTotal);
    done = 0;
    lastDraw = 0;
    draw("");
  }

  @Override
  public synchronized void step(String item) {
    done++;
    long now = System.nanoTime();
    if (now - lastDraw >= REDRAW_NANOS || done == total) {
      lastDraw = now;
      draw(item);
    }
  }

  @Override
  public synchronized void finish() {
    err.print("\r" + " ".repeat(lastLength) + "\r");
    err.flush();
    lastLength = 0;
  }

  private void draw(String item) {
    StringBuilder line = new StringBuilder(task);
    if (total > 0) {
      int filled = (int) ((long) WIDTH * done / total);
      line.append(" [")
          .append("#".repeat(filled))
          .append(" ".repeat(WIDTH - filled))
          .append("] ")
          .append(done)
          .append('/')
          .append(total);
    } else if (done > 0) {
      line.append(' ').append(done);
    }
    if (!item.isEmpty()) {
      line.append("  ").append(item.length() > 40 ? item.substring(0, 39) + "…" : item);
    }
    String text = line.toString();
    int pad = Math.max(0, lastLength - text.length());
    err.print("\r" + text + " ".repeat(pad));
    err.flush();
    lastLength = text.length();
  }
}
