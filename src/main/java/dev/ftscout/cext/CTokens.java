package dev.ftscout.cext;

import java.util.Arrays;
import java.util.List;

/**
 * The tokens of one C or C++ file, stored column-wise in primitive arrays. A large generated source
 * has millions of tokens; one object per token would make the scanner several times slower than the
 * grep it is measured against.
 *
 * <p>Braces are <em>structural</em> unless they sit in an alternative preprocessor branch whose
 * braces do not balance (two variants of one function header under #if and #else): only the first
 * branch then counts, so the brace structure stays the one a compiler sees.
 */
public final class CTokens {
  private final String text;
  private final int size;
  private final byte[] kind;
  private final int[] start;
  private final int[] end;
  private final int[] line;
  private final int[] condition;
  private final int[] depth;
  private final int[] match;
  private final int[] lineStarts;
  private final List<Condition> conditions;

  /** The character of each one-character punctuator, 0 for every other token. */
  private final char[] punct;

  CTokens(
      String text,
      int size,
      byte[] kind,
      int[] start,
      int[] end,
      int[] line,
      int[] condition,
      boolean[] structural,
      int[] lineStarts,
      List<Condition> conditions) {
    this.text = text;
    this.size = size;
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.line = line;
    this.condition = condition;
    this.lineStarts = lineStarts;
    // Owned by this object: the lexer hands the list over and keeps no reference.
    this.conditions = java.util.Collections.unmodifiableList(conditions);
    this.punct = new char[size];
    for (int i = 0; i < size; i++) {
      if (kind[i] == CTokenKind.PUNCT.code() && end[i] - start[i] == 1) {
        punct[i] = text.charAt(start[i]);
      }
    }
    this.depth = new int[size];
    this.match = new int[size];
    Arrays.fill(match, -1);
    int[] stack = new int[64];
    int top = 0;
    for (int i = 0; i < size; i++) {
      if (structural[i] && isPunct(i, '{')) {
        depth[i] = top;
        if (top == stack.length) {
          stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = i;
      } else if (structural[i] && isPunct(i, '}')) {
        if (top > 0) {
          int open = stack[--top];
          match[open] = i;
          match[i] = open;
        }
        depth[i] = top;
      } else {
        depth[i] = top;
      }
    }
    while (top > 0) {
      match[stack[--top]] = size;
    }
  }

  /** The source text with the line starts the lexer found. */
  SourceText sourceText() {
    return new SourceText(text, lineStarts);
  }

  /**
   * {@link String#hashCode()} of the token's text, computed without creating the string, so
   * identifiers can be looked up in large files without allocating.
   */
  public int textHash(int i) {
    int h = 0;
    for (int k = start[i]; k < end[i]; k++) {
      h = 31 * h + text.charAt(k);
    }
    return h;
  }

  /** The whole source text. */
  public String source() {
    return text;
  }

  public int size() {
    return size;
  }

  public CTokenKind kind(int i) {
    return CTokenKind.of(kind[i]);
  }

  public boolean isIdent(int i) {
    return i >= 0 && i < size && kind[i] == CTokenKind.IDENT.code();
  }

  /** The token's text. */
  public String text(int i) {
    return text.substring(start[i], end[i]);
  }

  /** True when token {@code i} exists and its text is exactly {@code s}. */
  public boolean is(int i, String s) {
    return i >= 0
        && i < size
        && end[i] - start[i] == s.length()
        && text.regionMatches(start[i], s, 0, s.length());
  }

  /** True when token {@code i} is the one-character punctuator {@code c}. */
  public boolean isPunct(int i, char c) {
    return i >= 0 && i < size && punct[i] == c;
  }

  public int line(int i) {
    return line[i];
  }

  /** 1-based column in UTF-16 code units. */
  public int column(int i) {
    return start[i] - lineStarts[line[i] - 1] + 1;
  }

  /** Length of the token in UTF-16 code units. */
  public int length(int i) {
    return end[i] - start[i];
  }

  /** Brace depth: the number of enclosing structural brace pairs (a brace itself excluded). */
  public int depth(int i) {
    return depth[i];
  }

  /**
   * For a structural brace, the index of its partner ({@link #size()} for an unclosed brace); -1
   * for any other token.
   */
  public int match(int i) {
    return match[i];
  }

  public Condition condition(int i) {
    return conditions.get(condition[i]);
  }

  /** The text of line {@code n} (1-based) without its line break; empty past the end. */
  public String lineText(int n) {
    return lineText(text, lineStarts, n);
  }

  static String lineText(String text, int[] lineStarts, int n) {
    if (n < 1 || n > lineStarts.length) {
      return "";
    }
    int s = lineStarts[n - 1];
    int e = n < lineStarts.length ? lineStarts[n] : text.length();
    while (e > s && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) {
      e--;
    }
    return text.substring(s, e);
  }

  /** The tokens from {@code from} to {@code to} inclusive, joined by single spaces. */
  public String joined(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to && i < size; i++) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(text, start[i], end[i]);
    }
    return b.toString();
  }
}
