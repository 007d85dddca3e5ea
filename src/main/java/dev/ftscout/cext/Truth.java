package dev.ftscout.cext;

/**
 * Whether a preprocessor condition holds when the code is compiled for a free-threaded CPython
 * (3.13 or newer, {@code Py_GIL_DISABLED} defined): always, never, or depending on something the
 * sources do not tell.
 */
public enum Truth {
  ALWAYS,
  NEVER,
  MAYBE;

  public Truth not() {
    return switch (this) {
      case ALWAYS -> NEVER;
      case NEVER -> ALWAYS;
      case MAYBE -> MAYBE;
    };
  }

  public Truth and(Truth other) {
    if (this == NEVER || other == NEVER) {
      return NEVER;
    }
    return this == ALWAYS && other == ALWAYS ? ALWAYS : MAYBE;
  }

  public Truth or(Truth other) {
    if (this == ALWAYS || other == ALWAYS) {
      return ALWAYS;
    }
    return this == NEVER && other == NEVER ? NEVER : MAYBE;
  }

  /** The truth of a numeric constant in {@code #if}: 0 is false, anything else true. */
  public static Truth of(boolean value) {
    return value ? ALWAYS : NEVER;
  }
}
