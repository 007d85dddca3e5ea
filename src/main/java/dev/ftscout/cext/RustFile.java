package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PyO3 module definitions of one Rust file: every item carrying a {@code #[pymodule]} attribute
 * (also spelled {@code #[pyo3::pymodule(...)]}), with the options given there or in a {@code
 * #[pyo3(...)]} attribute on the same item, and calls of {@code .gil_used(false)}.
 *
 * @param path display path
 * @param text the file's text
 * @param comments the file's comments
 * @param modules the module definitions in source order
 */
public record RustFile(
    String path, String text, List<SourceComment> comments, List<PyModuleItem> modules) {

  public RustFile {
    comments = List.copyOf(comments);
    modules = List.copyOf(modules);
  }

  /**
   * One {@code #[pymodule]} item.
   *
   * @param item the Rust name of the {@code fn} or {@code mod}
   * @param pythonName the name given by {@code name = "..."}, if any
   * @param gilUsed the value of {@code gil_used = ...}, or of a {@code .gil_used(...)} call in the
   *     item, if any
   * @param submodule declared with the {@code submodule} option
   * @param line line of the attribute
   * @param column column of the attribute's {@code #}
   * @param attribute the attribute's text, for evidence
   */
  public record PyModuleItem(
      String item,
      Optional<String> pythonName,
      Optional<Boolean> gilUsed,
      boolean submodule,
      int line,
      int column,
      String attribute) {

    /** The module's Python name: {@code name = "..."} or the Rust item name. */
    public String name() {
      return pythonName.orElse(item);
    }
  }

  /** Reads the module definitions of a lexed Rust file. */
  public static RustFile of(String path, LexedText lexed) {
    List<Token> t = lexed.tokens();
    List<PyModuleItem> modules = new ArrayList<>();
    int i = 0;
    while (i < t.size()) {
      if (!isAttributeStart(t, i)) {
        i++;
        continue;
      }
      int attrStart = i;
      List<int[]> attrs = new ArrayList<>();
      while (isAttributeStart(t, i)) {
        int open = t.get(i + 1).is("!") ? i + 2 : i + 1;
        int close = closing(t, open, "[", "]");
        attrs.add(new int[] {i, open, close});
        i = close + 1;
      }
      int[] pymodule = null;
      for (int[] a : attrs) {
        if (lastPathSegment(t, a[1] + 1).equals("pymodule")) {
          pymodule = a;
        }
      }
      if (pymodule == null) {
        continue;
      }
      Optional<String> itemName = Optional.empty();
      int k = i;
      while (k < t.size() && k < i + 8) {
        if ((t.get(k).isName("fn") || t.get(k).isName("mod")) && k + 1 < t.size()) {
          itemName = Optional.of(t.get(k + 1).text());
          break;
        }
        k++;
      }
      if (itemName.isEmpty()) {
        continue;
      }
      Optional<String> name = Optional.empty();
      Optional<Boolean> gilUsed = Optional.empty();
      boolean submodule = false;
      StringBuilder attrText = new StringBuilder();
      for (int[] a : attrs) {
        String seg = lastPathSegment(t, a[1] + 1);
        if (!seg.equals("pymodule") && !seg.equals("pyo3")) {
          continue;
        }
        if (attrText.length() > 0) {
          attrText.append(' ');
        }
        attrText.append(joined(t, a[0], a[2]));
        for (int j = a[1] + 1; j < a[2]; j++) {
          if (t.get(j).isName("name") && j + 2 < a[2] && t.get(j + 1).is("=")) {
            name = Optional.of(t.get(j + 2).value());
          } else if (t.get(j).isName("gil_used") && j + 2 < a[2] && t.get(j + 1).is("=")) {
            gilUsed = Optional.of(t.get(j + 2).isName("true"));
          } else if (t.get(j).isName("submodule")) {
            submodule = true;
          }
        }
      }
      int bodyOpen = k;
      while (bodyOpen < t.size() && !t.get(bodyOpen).is("{") && !t.get(bodyOpen).is(";")) {
        bodyOpen++;
      }
      int bodyClose =
          bodyOpen < t.size() && t.get(bodyOpen).is("{") ? closing(t, bodyOpen, "{", "}") : k;
      if (gilUsed.isEmpty()) {
        gilUsed = gilUsedCall(t, bodyOpen, bodyClose);
      }
      Token first = t.get(attrStart);
      modules.add(
          new PyModuleItem(
              itemName.get(),
              name,
              gilUsed,
              submodule,
              first.line(),
              first.column(),
              attrText.toString()));
    }
    return new RustFile(path, lexed.text(), lexed.comments(), modules);
  }

  private static Optional<Boolean> gilUsedCall(List<Token> t, int from, int to) {
    for (int j = from; j + 3 < to && j + 3 < t.size(); j++) {
      if (t.get(j).is(".")
          && t.get(j + 1).isName("gil_used")
          && t.get(j + 2).is("(")
          && (t.get(j + 3).isName("false") || t.get(j + 3).isName("true"))) {
        return Optional.of(t.get(j + 3).isName("true"));
      }
    }
    return Optional.empty();
  }

  private static boolean isAttributeStart(List<Token> t, int i) {
    if (i + 1 >= t.size() || !t.get(i).is("#")) {
      return false;
    }
    return t.get(i + 1).is("[")
        || (t.get(i + 1).is("!") && i + 2 < t.size() && t.get(i + 2).is("["));
  }

  /** The last identifier of the path that starts at {@code i} ({@code pyo3::pymodule}). */
  private static String lastPathSegment(List<Token> t, int i) {
    String last = "";
    int k = i;
    while (k < t.size() && t.get(k).kind() == Token.Kind.NAME) {
      last = t.get(k).text();
      if (k + 1 < t.size() && t.get(k + 1).is("::")) {
        k += 2;
      } else {
        break;
      }
    }
    return last;
  }

  private static int closing(List<Token> t, int open, String o, String c) {
    int depth = 0;
    for (int k = open; k < t.size(); k++) {
      if (t.get(k).is(o)) {
        depth++;
      } else if (t.get(k).is(c)) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return t.size() - 1;
  }

  private static String joined(List<Token> t, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k <= to && k < t.size(); k++) {
      String x = t.get(k).text();
      if (b.length() > 0
          && !x.equals("]")
          && !x.equals(")")
          && !x.equals("(")
          && !x.equals("[")
          && !x.equals(",")
          && !b.toString().endsWith("#")
          && !b.toString().endsWith("[")
          && !b.toString().endsWith("(")
          && !x.equals("::")
          && !b.toString().endsWith("::")) {
        b.append(' ');
      }
      b.append(x);
    }
    return b.toString();
  }
}
