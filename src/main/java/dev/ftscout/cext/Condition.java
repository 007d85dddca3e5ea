package dev.ftscout.cext;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The preprocessor branches a piece of C code sits in, innermost last, so a fact can say whether it
 * is compiled for free-threaded builds (for example a {@code Py_mod_gil} slot under {@code #ifdef
 * Py_GIL_DISABLED}).
 *
 * @param guards the enclosing branches, outermost first; empty at top level
 */
public record Condition(List<Guard> guards) {
  /** The condition of code outside any {@code #if}. */
  public static final Condition NONE = new Condition(List.of());

  public Condition {
    guards = List.copyOf(guards);
  }

  /**
   * One branch of an {@code #if}/{@code #elif}/{@code #else} chain.
   *
   * @param text how the branch reads, e.g. {@code #ifdef Py_GIL_DISABLED} or {@code #else of #if
   *     PY_VERSION_HEX >= 0x030D0000}
   * @param line where the branch starts
   * @param truth whether it holds on a free-threaded build
   */
  public record Guard(String text, int line, Truth truth) {}

  /** This condition with one more branch inside it. */
  public Condition with(Guard guard) {
    List<Guard> more = new ArrayList<>(guards);
    more.add(guard);
    return new Condition(more);
  }

  /** Whether code under this condition is compiled for free-threaded builds. */
  public Truth truth() {
    Truth t = Truth.ALWAYS;
    for (Guard g : guards) {
      t = t.and(g.truth());
    }
    return t;
  }

  /** True when the code is outside any preprocessor branch. */
  public boolean unconditional() {
    return guards.isEmpty();
  }

  /** Every branch, as text for evidence. */
  public String describe() {
    return guards.stream()
        .map(g -> g.text() + " (line " + g.line() + ")")
        .collect(Collectors.joining(", "));
  }
}
