package dev.ftscout.cext;

import java.util.List;

/**
 * One element of a braced initialiser, such as the braced pair {@code Py_mod_gil,
 * Py_MOD_GIL_NOT_USED} in a {@code PyModuleDef_Slot} array or {@code .m_name = "_speedups"} in a
 * {@code PyModuleDef}.
 *
 * @param designator the member a designated initialiser names ({@code m_name}), or empty
 * @param text the element's tokens joined by single spaces (designator excluded)
 * @param parts for an element that is itself braced, its own elements' texts; else just {@code
 *     text}
 * @param first index of the element's first token
 * @param line line of the first token
 * @param column column of the first token
 * @param condition the preprocessor branches of the element
 */
public record InitEntry(
    String designator,
    String text,
    List<String> parts,
    int first,
    int line,
    int column,
    Condition condition) {
  public InitEntry {
    parts = List.copyOf(parts);
  }
}
