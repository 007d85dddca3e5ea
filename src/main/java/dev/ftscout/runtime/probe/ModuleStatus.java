package dev.ftscout.runtime.probe;

/** The outcome of importing one module in a probe worker. */
public enum ModuleStatus {
  /** Imported; on a free-threaded interpreter the GIL stayed disabled. */
  OK,
  /** Imported, and the import (or a module it loaded) turned the GIL back on. */
  REENABLES_GIL,
  /** The import raised (the exception is the evidence). */
  IMPORT_FAILED,
  /** The worker process died during the import (e.g. a segfault in an extension). */
  CRASHED,
  /** The import did not finish within the per-import timeout; the worker was killed. */
  TIMED_OUT
}
