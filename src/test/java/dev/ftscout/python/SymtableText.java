package dev.ftscout.python;

import dev.ftscout.python.scope.Resolution;
import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.scope.Symbol;
import dev.ftscout.python.scope.SymbolTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a symbol table in the text format of {@code src/test/python/ast_dump.py}: each block as
 * CPython's {@code _symtable} sees it (inlined comprehensions replaced by their children), each
 * symbol with its scope number and definition flags.
 */
final class SymtableText {
  private SymtableText() {}

  static String of(SymbolTable table) {
    if (!table.errors().isEmpty()) {
      return "ERR\n";
    }
    StringBuilder sb = new StringBuilder();
    block(table.module(), sb);
    return sb.toString();
  }

  private static void block(Scope s, StringBuilder sb) {
    sb.append(s.symtableType())
        .append(' ')
        .append(s.name())
        .append(' ')
        .append(s.lineno())
        .append('\n');
    List<String> names = new ArrayList<>(s.symbols().keySet());
    names.sort(SymtableText::compareCodePoints);
    for (String n : names) {
      Symbol sym = java.util.Objects.requireNonNull(s.symbols().get(n));
      sb.append("  ")
          .append(n)
          .append(' ')
          .append(number(sym.resolution()))
          .append(' ')
          .append(sym.flags())
          .append('\n');
    }
    children(s, sb);
  }

  private static void children(Scope s, StringBuilder sb) {
    for (Scope c : s.children()) {
      if (c.isInlined()) {
        children(c, sb);
      } else {
        block(c, sb);
      }
    }
  }

  private static int number(Resolution r) {
    return switch (r) {
      case LOCAL -> 1;
      case GLOBAL_EXPLICIT -> 2;
      case GLOBAL_IMPLICIT -> 3;
      case FREE -> 4;
      case CELL -> 5;
    };
  }

  /** Python sorts strings by code point, not by UTF-16 unit. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
