package dev.ftscout.python;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a parsed file, for code snippets and for turning the tree's UTF-8 byte columns into
 * character columns. Holds the source as the parser saw it: decoded from its declared encoding to
 * UTF-8, with {@code \r\n} and {@code \r} line ends turned into {@code \n}.
 */
public final class SourceLines {
  private final byte[] utf8;
  private final int[] lineStarts;
  private final int lineCount;

  SourceLines(byte[] utf8, int[] lineStarts, int lineCount) {
    this.utf8 = utf8;
    this.lineStarts = lineStarts;
    this.lineCount = lineCount;
  }

  /** Indexes {@code text} (line ends already normalised to {@code \n}). */
  static SourceLines of(byte[] utf8) {
    int[] starts = new int[64];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '\n' && i + 1 < utf8.length) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return new SourceLines(utf8, starts, utf8.length == 0 ? 0 : n);
  }

  /** How many lines the file has. */
  public int lineCount() {
    return lineCount;
  }

  /** Line {@code line} (1-based) without its line end; empty when out of range. */
  public String line(int line) {
    if (line < 1 || line > lineCount) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineCount ? lineStarts[line] : utf8.length;
    while (end > start && utf8[end - 1] == '\n') {
      end--;
    }
    return new String(utf8, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * The 0-based character (code point) column that UTF-8 byte column {@code byteColumn} of line
   * {@code line} falls on, as CPython computes {@code SyntaxError.offset}.
   */
  public int characterColumn(int line, int byteColumn) {
    if (line < 1 || line > lineCount) {
      return byteColumn;
    }
    int start = lineStarts[line - 1];
    int end = Math.min(utf8.length, start + Math.max(0, byteColumn));
    int chars = 0;
    for (int i = start; i < end; i++) {
      if ((utf8[i] & 0xC0) != 0x80) {
        chars++;
      }
    }
    return chars + Math.max(0, byteColumn - (end - start));
  }

  /** The source text between two positions (lines 1-based, byte columns 0-based, end exclusive). */
  public String text(int line, int byteColumn, int endLine, int endByteColumn) {
    if (line < 1 || endLine > lineCount || line > endLine) {
      return "";
    }
    int from = Math.min(utf8.length, lineStarts[line - 1] + byteColumn);
    int to = Math.min(utf8.length, lineStarts[endLine - 1] + endByteColumn);
    return to <= from ? "" : new String(utf8, from, to - from, StandardCharsets.UTF_8);
  }
}
