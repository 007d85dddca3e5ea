package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;

/**
 * A line-oriented TOML reader for the few keys the scanner needs: it tracks {@code [table]} and
 * {@code [[array]]} headers and yields {@code key = value} entries with their raw value text
 * (multi-line arrays, inline tables and multi-line strings joined) and line numbers, which a full
 * TOML parser would not give. Malformed lines are skipped.
 */
final class TomlLines {
  private TomlLines() {}

  /**
   * One {@code key = value}.
   *
   * @param table the enclosing table's dotted name ({@code ""} at top level)
   * @param key the dotted key as written, quotes removed
   * @param value the raw value text, comments removed
   * @param line line of the key
   * @param column column of the key
   */
  record Entry(String table, String key, String value, int line, int column) {}

  /** Entries and comments of one file. */
  record Result(List<Entry> entries, List<SourceComment> comments) {}

  static Result scan(String text) {
    List<Entry> entries = new ArrayList<>();
    List<SourceComment> comments = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String table = "";
    int i = 0;
    while (i < lines.length) {
      String raw = lines[i];
      int no = i + 1;
      Stripped first = stripComment(raw, no, comments);
      String line = first.code().strip();
      i++;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        String inner = line.replaceAll("^\\[+", "").replaceAll("]+.*$", "");
        table = normaliseKey(inner);
        continue;
      }
      int eq = keyEnd(line);
      if (eq < 0) {
        continue;
      }
      String key = normaliseKey(line.substring(0, eq));
      StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
      while (open(value.toString()) && i < lines.length) {
        value.append('\n').append(stripComment(lines[i], i + 1, comments).code());
        i++;
      }
      entries.add(new Entry(table, key, value.toString().strip(), no, raw.indexOf(line) + 1));
    }
    return new Result(entries, comments);
  }

  private record Stripped(String code) {}

  /** The line without its comment; the comment is recorded. */
  private static Stripped stripComment(String raw, int no, List<SourceComment> comments) {
    char quote = 0;
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          k++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        boolean own = raw.substring(0, k).isBlank();
        comments.add(new SourceComment(no, raw.substring(k + 1).strip(), own));
        return new Stripped(raw.substring(0, k));
      }
    }
    return new Stripped(raw);
  }

  private static int keyEnd(String line) {
    char quote = 0;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '=') {
        return k;
      }
    }
    return -1;
  }

  private static String normaliseKey(String k) {
    StringBuilder b = new StringBuilder();
    for (String part : k.split("\\.")) {
      String p = part.strip();
      if (p.length() >= 2
          && ((p.startsWith("\"") && p.endsWith("\"")) || (p.startsWith("'") && p.endsWith("'")))) {
        p = p.substring(1, p.length() - 1);
      }
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(p);
    }
    return b.toString();
  }

  /** Whether brackets or a triple-quoted string are still open at the end of {@code v}. */
  private static boolean open(String v) {
    int depth = 0;
    int k = 0;
    while (k < v.length()) {
      if (v.startsWith("\"\"\"", k) || v.startsWith("'''", k)) {
        String q = v.substring(k, k + 3);
        int close = v.indexOf(q, k + 3);
        if (close < 0) {
          return true;
        }
        k = close + 3;
        continue;
      }
      char c = v.charAt(k);
      if (c == '"' || c == '\'') {
        int close = v.indexOf(c, k + 1);
        k = close < 0 ? v.length() : close + 1;
        continue;
      }
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
      k++;
    }
    return depth > 0;
  }
}
