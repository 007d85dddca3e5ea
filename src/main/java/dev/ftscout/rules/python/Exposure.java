package dev.ftscout.rules.python;

/** What decides a Python finding's severity once the whole project has been read. */
enum Exposure {
  /** Warning when a thread entry point the scan can see reaches the code, else info. */
  THREADS,
  /** Warning when the project runs its tests in threads (pytest-run-parallel), else info. */
  PARALLEL_TESTS,
  /** The severity given with the finding, whatever the project does. */
  FIXED
}
