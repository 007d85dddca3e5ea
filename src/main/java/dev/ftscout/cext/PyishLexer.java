package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;

/**
 * A lexer for Python-like text: Cython sources, {@code setup.py}, {@code meson.build}. It knows
 * {@code #} comments, single-, double- and triple-quoted strings with prefixes ({@code r b u f}),
 * backslash line joins, names, numbers and operators. It never fails; an unterminated string ends
 * at the end of its line (or of the file, for a triple-quoted one).
 */
public final class PyishLexer {
  private final String s;
  private final int n;
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean lineHasCode;
  private final List<Token> tokens = new ArrayList<>();
  private final List<SourceComment> comments = new ArrayList<>();

  private PyishLexer(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** Lexes Python-like text. */
  public static LexedText lex(String text) {
    PyishLexer l = new PyishLexer(text);
    l.run();
    return new LexedText(text, l.tokens, l.comments);
  }

  private char at(int p) {
    return p < n ? s.charAt(p) : '\0';
  }

  private void newline() {
    line++;
    lineStart = pos;
    lineHasCode = false;
  }

  private void run() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\n') {
        pos++;
        newline();
      } else if (c == '\\' && at(pos + 1) == '\n') {
        pos += 2;
        newline();
        lineHasCode = true;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#') {
        int from = pos + 1;
        boolean own = !lineHasCode;
        while (pos < n && s.charAt(pos) != '\n') {
          pos++;
        }
        comments.add(new SourceComment(line, s.substring(from, pos).strip(), own));
      } else {
        lineHasCode = true;
        token(c);
      }
    }
  }

  private void token(char c) {
    int from = pos;
    int l = line;
    int col = pos - lineStart + 1;
    if (isNameStart(c)) {
      while (pos < n && isNamePart(s.charAt(pos))) {
        pos++;
      }
      if (pos - from <= 3 && (at(pos) == '\'' || at(pos) == '"') && isPrefix(from, pos)) {
        String value = string();
        tokens.add(new Token(Token.Kind.STRING, s.substring(from, pos), value, l, col));
        return;
      }
      String t = s.substring(from, pos);
      tokens.add(new Token(Token.Kind.NAME, t, t, l, col));
    } else if (c == '\'' || c == '"') {
      String value = string();
      tokens.add(new Token(Token.Kind.STRING, s.substring(from, pos), value, l, col));
    } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(at(pos + 1)))) {
      while (pos < n && (isNamePart(s.charAt(pos)) || s.charAt(pos) == '.')) {
        pos++;
      }
      String t = s.substring(from, pos);
      tokens.add(new Token(Token.Kind.NUMBER, t, t, l, col));
    } else {
      int len = 1;
      String two = pos + 1 < n ? s.substring(pos, pos + 2) : "";
      if (two.equals("->")
          || two.equals("==")
          || two.equals("!=")
          || two.equals("<=")
          || two.equals(">=")
          || two.equals("**")
          || two.equals("//")
          || two.equals(":=")
          || two.equals("+=")
          || two.equals("-=")) {
        len = 2;
      }
      pos += len;
      String t = s.substring(from, pos);
      tokens.add(new Token(Token.Kind.OP, t, t, l, col));
    }
  }

  private boolean isPrefix(int from, int to) {
    for (int i = from; i < to; i++) {
      if ("rRbBuUfF".indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Reads a string starting at the quote at {@code pos}; returns its content. */
  private String string() {
    char q = s.charAt(pos);
    boolean triple = at(pos + 1) == q && at(pos + 2) == q;
    pos += triple ? 3 : 1;
    int from = pos;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\\' && pos + 1 < n) {
        pos++;
        if (s.charAt(pos) == '\n') {
          pos++;
          newline();
          lineHasCode = true;
        } else {
          pos++;
        }
      } else if (c == q && (!triple || (at(pos + 1) == q && at(pos + 2) == q))) {
        String v = s.substring(from, pos);
        pos += triple ? 3 : 1;
        return v;
      } else if (c == '\n') {
        if (!triple) {
          return s.substring(from, pos);
        }
        pos++;
        newline();
        lineHasCode = true;
      } else {
        pos++;
      }
    }
    return s.substring(from, n);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
