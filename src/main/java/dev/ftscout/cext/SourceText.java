package dev.ftscout.cext;

import java.util.Arrays;

/** A file's text with its line starts, for quoting source lines in findings. */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;

  /** A text whose line starts are already known (from the lexer). */
  SourceText(String text, int[] lineStarts) {
    this.text = text;
    this.lineStarts = lineStarts;
  }

  public SourceText(String text) {
    this.text = text;
    int[] starts = new int[64];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** The text of line {@code n} (1-based) without its line break; empty outside the file. */
  public String line(int n) {
    return CTokens.lineText(text, lineStarts, n);
  }
}
