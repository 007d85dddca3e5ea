package dev.ftscout.rules.python;

/**
 * What a module-level or class-level name holds, judged from the expressions assigned to it: it
 * decides whether the name is shared mutable state, a synchronisation primitive, or safe.
 */
enum ValueKind {
  /** A mutable container: dict, list, set, deque, defaultdict, weak dictionaries... */
  MUTABLE,
  /** A lock, condition or semaphore from {@code threading}. */
  LOCK,
  /** {@code threading.local()}: each thread sees its own attributes. */
  THREAD_LOCAL,
  /** A thread-safe queue. */
  QUEUE,
  /** A {@code contextvars.ContextVar}: each context has its own value. */
  CONTEXT_VAR,
  /** A tuple, frozenset, string, number or other immutable constant. */
  IMMUTABLE,
  /** An iterator or generator object, which threads must not share. */
  ITERATOR,
  /** A module, function or class bound by import, {@code def} or {@code class}. */
  DEFINITION,
  /** Anything else, including {@code None} placeholders for lazy initialisation. */
  OTHER;

  /** Whether writes to the name need no lock of the caller's own. */
  boolean safe() {
    return this == LOCK || this == THREAD_LOCAL || this == QUEUE || this == CONTEXT_VAR;
  }
}
