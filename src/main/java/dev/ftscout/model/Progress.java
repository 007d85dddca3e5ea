package dev.ftscout.model;

/**
 * Progress of long work (index queries, source inspection, probes, test runs, benches), reported by
 * the layer doing the work and shown by the CLI on a terminal. Implementations must be thread-safe:
 * workers report from several threads.
 */
public interface Progress {
  /** Starts a task of {@code total} steps ({@code 0} when unknown). */
  void start(String task, int total);

  /** One step done; {@code item} names what was just finished. */
  void step(String item);

  /** The task is over. */
  void finish();

  /** Progress that goes nowhere: for quiet runs, CI logs and tests. */
  static Progress none() {
    return new Progress() {
      @Override
      public void start(String task, int total) {}

      @Override
      public void step(String item) {}

      @Override
      public void finish() {}
    };
  }
}
