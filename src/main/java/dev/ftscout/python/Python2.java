package dev.ftscout.python;

import static dev.ftscout.python.Lexer.*;

import java.util.Optional;

/**
 * Recognises Python 2 source among files that fail to parse, so they can be skipped with a reason
 * instead of reported as broken: print and exec statements, backticks, {@code <>}, {@code except E,
 * e:}, {@code raise E, msg}, {@code ur""} strings, {@code 0777} and {@code 10L} literals.
 */
final class Python2 {
  private Python2() {}

  static Optional<String> reason(Lexer lx, PythonVersion target) {
    int n = lx.count;
    byte[] b = lx.bytes();
    for (int i = 0; i < n; i++) {
      int t = lx.type[i];
      int line = lx.lineOf(lx.start[i]);
      boolean stmtStart = i == 0 || isBoundary(lx.type[i - 1]);
      if (t == NAME && stmtStart && i + 1 < n) {
        String word = lx.text(i);
        int next = lx.type[i + 1];
        boolean sameLine = lx.lineOf(lx.start[i + 1]) == line;
        if ((word.equals("print") || word.equals("exec"))
            && sameLine
            && (next == STRING || next == NAME || next == NUMBER || next == RIGHTSHIFT)) {
          return reason(word + " statement", line);
        }
      }
      if (t == UNKNOWN && b[lx.start[i]] == '`') {
        return reason("backtick repr", line);
      }
      if (t == LTGT) {
        return reason("'<>' operator", line);
      }
      if (t == NAME && i + 1 < n && lx.type[i + 1] == STRING && lx.end[i] == lx.start[i + 1]) {
        String prefix = lx.text(i).toLowerCase(java.util.Locale.ROOT);
        if (prefix.equals("ur")) {
          return reason("ur'' string prefix", line);
        }
      }
      if (t == KW_EXCEPT && !target.atLeast(PythonVersion.PY314)) {
        int j = i + 1;
        while (j < n && (lx.type[j] == NAME || lx.type[j] == DOT)) {
          j++;
        }
        if (j > i + 1
            && j + 2 < n
            && lx.type[j] == COMMA
            && lx.type[j + 1] == NAME
            && lx.type[j + 2] == COLON) {
          return reason("'except E, e:' clause", line);
        }
      }
      if (t == KW_RAISE) {
        int j = i + 1;
        while (j < n && (lx.type[j] == NAME || lx.type[j] == DOT)) {
          j++;
        }
        if (j > i + 1 && j < n && lx.type[j] == COMMA) {
          return reason("'raise E, msg' statement", line);
        }
      }
    }
    for (Lexer.LexError e : lx.errors) {
      if (e.message().startsWith("leading zeros in decimal integer literals")) {
        return reason("octal literal without 0o", e.line());
      }
      if (e.message().equals("invalid decimal literal")
          || e.message().equals("invalid hexadecimal literal")) {
        int at = e.offset();
        if (at < b.length && (b[at] == 'L' || b[at] == 'l')) {
          return reason("long integer literal", e.line());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isBoundary(int t) {
    return t == NEWLINE || t == INDENT || t == DEDENT || t == SEMI || t == COLON;
  }

  private static Optional<String> reason(String what, int line) {
    return Optional.of("not Python 3: Python 2 " + what + " at line " + line);
  }
}
