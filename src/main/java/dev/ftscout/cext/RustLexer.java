package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;

/**
 * A Rust lexer good enough for attributes: line and (nested) block comments, strings including raw
 * strings {@code r#"..."#}, byte and C strings, character literals told apart from lifetimes, raw
 * identifiers. It never fails.
 */
public final class RustLexer {
  private final String s;
  private final int n;
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean lineHasCode;
  private final List<Token> tokens = new ArrayList<>();
  private final List<SourceComment> comments = new ArrayList<>();

  private RustLexer(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** Lexes a Rust source file. */
  public static LexedText lex(String text) {
    RustLexer l = new RustLexer(text);
    l.run();
    return new LexedText(text, l.tokens, l.comments);
  }

  private char at(int p) {
    return p < n ? s.charAt(p) : '\0';
  }

  private void advance() {
    if (s.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
      lineHasCode = false;
    }
    pos++;
  }

  private void run() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (c == '/' && at(pos + 1) == '/') {
        int l = line;
        boolean own = !lineHasCode;
        int from = pos + 2;
        while (pos < n && s.charAt(pos) != '\n') {
          pos++;
        }
        comments.add(new SourceComment(l, s.substring(from, pos).strip(), own));
      } else if (c == '/' && at(pos + 1) == '*') {
        blockComment();
      } else {
        lineHasCode = true;
        token(c);
      }
    }
  }

  private void blockComment() {
    int l = line;
    boolean own = !lineHasCode;
    int from = pos + 2;
    int depth = 0;
    int to = n;
    while (pos < n) {
      if (s.charAt(pos) == '/' && at(pos + 1) == '*') {
        depth++;
        pos += 2;
      } else if (s.charAt(pos) == '*' && at(pos + 1) == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          to = pos - 2;
          break;
        }
      } else {
        advance();
      }
    }
    comments.add(new SourceComment(l, s.substring(Math.min(from, to), to).strip(), own));
  }

  private void token(char c) {
    int from = pos;
    int l = line;
    int col = pos - lineStart + 1;
    if (c == 'r' && at(pos + 1) == '#' && isIdentStart(at(pos + 2))) {
      pos += 2;
      while (pos < n && isIdentPart(s.charAt(pos))) {
        pos++;
      }
      String raw = s.substring(from + 2, pos);
      tokens.add(new Token(Token.Kind.NAME, raw, raw, l, col));
      return;
    }
    int prefix = stringPrefix();
    if (prefix >= 0) {
      pos += prefix;
      boolean raw = pos > from && s.charAt(pos - 1) == 'r';
      String value = raw ? rawString() : quoted('"');
      tokens.add(new Token(Token.Kind.STRING, s.substring(from, pos), value, l, col));
      return;
    }
    if (c == 'b' && at(pos + 1) == '\'') {
      pos++;
      String value = quoted('\'');
      tokens.add(new Token(Token.Kind.CHAR, s.substring(from, pos), value, l, col));
      return;
    }
    if (isIdentStart(c)) {
      while (pos < n && isIdentPart(s.charAt(pos))) {
        pos++;
      }
      String t = s.substring(from, pos);
      tokens.add(new Token(Token.Kind.NAME, t, t, l, col));
    } else if (Character.isDigit(c)) {
      while (pos < n
          && (isIdentPart(s.charAt(pos))
              || (s.charAt(pos) == '.' && Character.isDigit(at(pos + 1))))) {
        pos++;
      }
      String t = s.substring(from, pos);
      tokens.add(new Token(Token.Kind.NUMBER, t, t, l, col));
    } else if (c == '\'') {
      quote(from, l, col);
    } else {
      int len = 1;
      if ((c == ':' && at(pos + 1) == ':')
          || (c == '-' && at(pos + 1) == '>')
          || (c == '=' && at(pos + 1) == '>')
          || (c == '=' && at(pos + 1) == '=')
          || (c == '!' && at(pos + 1) == '=')) {
        len = 2;
      }
      pos += len;
      String t = s.substring(from, pos);
      tokens.add(new Token(Token.Kind.OP, t, t, l, col));
    }
  }

  /** Length of a string prefix ({@code "}, {@code b"}, {@code r#"}, {@code br"}...) or -1. */
  private int stringPrefix() {
    int p = pos;
    if (at(p) == 'b' || at(p) == 'c') {
      p++;
    }
    if (at(p) == 'r') {
      int q = p + 1;
      while (at(q) == '#') {
        q++;
      }
      if (at(q) == '"') {
        return p + 1 - pos;
      }
      return -1;
    }
    return at(p) == '"' ? p - pos : -1;
  }

  private String quoted(char quote) {
    pos++;
    int from = pos;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\\') {
        advance();
        if (pos < n) {
          advance();
        }
      } else if (c == quote) {
        String v = s.substring(from, pos);
        pos++;
        return v;
      } else {
        advance();
      }
    }
    return s.substring(from, n);
  }

  private String rawString() {
    int hashes = 0;
    while (at(pos) == '#') {
      hashes++;
      pos++;
    }
    pos++;
    int from = pos;
    String close = "\"" + "#".repeat(hashes);
    int end = s.indexOf(close, pos);
    int stop = end < 0 ? n : end;
    while (pos < stop) {
      advance();
    }
    String v = s.substring(from, stop);
    pos = Math.min(n, stop + close.length());
    return v;
  }

  /** A character literal or a lifetime, starting at the quote. */
  private void quote(int from, int l, int col) {
    char next = at(pos + 1);
    if (next == '\\') {
      String v = quoted('\'');
      tokens.add(new Token(Token.Kind.CHAR, s.substring(from, pos), v, l, col));
      return;
    }
    int cp = pos + 1 < n ? s.codePointAt(pos + 1) : 0;
    int after = pos + 1 + Character.charCount(Math.max(cp, 1));
    if (pos + 1 < n && next != '\n' && at(after) == '\'') {
      pos = after + 1;
      tokens.add(
          new Token(Token.Kind.CHAR, s.substring(from, pos), s.substring(from + 1, after), l, col));
      return;
    }
    if (isIdentStart(next)) {
      pos++;
      while (pos < n && isIdentPart(s.charAt(pos))) {
        pos++;
      }
      String t = s.substring(from, pos);
      tokens.add(new Token(Token.Kind.LIFETIME, t, t, l, col));
      return;
    }
    pos++;
    tokens.add(new Token(Token.Kind.OP, "'", "'", l, col));
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
