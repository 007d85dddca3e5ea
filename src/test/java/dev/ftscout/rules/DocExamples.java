package dev.ftscout.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable examples of a rule doc page: fenced blocks whose info string is {@code <lang> bad}
 * or {@code <lang> good}, optionally with {@code file=<path>}. Consecutive fences with the same
 * verdict that all name files form one multi-file example (for instance {@code Cargo.toml} and
 * {@code src/lib.rs}); a fence without {@code file=} is an example of its own, in a file named
 * after its language.
 */
public final class DocExamples {
  private static final Pattern FENCE =
      Pattern.compile("^```(\\S+)\\s+(bad|good)(?:\\s+file=(\\S+))?\\s*$");

  private DocExamples() {}

  /**
   * One example: its files (path to text) and whether the rule must report it.
   *
   * @param bad true for a {@code bad} example, which must produce the rule
   * @param files file path to content, in order
   * @param line the line of the first fence in the doc page
   */
  public record Example(boolean bad, Map<String, String> files, int line) {}

  /** The examples of a doc page's text. */
  public static List<Example> parse(String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<Example> out = new ArrayList<>();
    Map<String, String> group = new LinkedHashMap<>();
    Boolean groupBad = null;
    int groupLine = 0;
    boolean lastWasNamed = false;
    int i = 0;
    while (i < lines.length) {
      Matcher m = FENCE.matcher(lines[i]);
      if (!m.matches()) {
        if (lines[i].startsWith("```")) {
          i = skipFence(lines, i);
        } else if (!lines[i].isBlank()) {
          lastWasNamed = false;
        }
        i++;
        continue;
      }
      boolean bad = m.group(2).equals("bad");
      String file = m.group(3) != null ? m.group(3) : defaultFile(m.group(1));
      StringBuilder body = new StringBuilder();
      int start = i + 1;
      int k = start;
      while (k < lines.length && !lines[k].startsWith("```")) {
        body.append(lines[k]).append('\n');
        k++;
      }
      boolean named = m.group(3) != null;
      boolean joins = named && lastWasNamed && groupBad != null && groupBad == bad;
      if (!joins && groupBad != null) {
        out.add(new Example(groupBad, group, groupLine));
        group = new LinkedHashMap<>();
        groupBad = null;
      }
      if (groupBad == null) {
        groupBad = bad;
        groupLine = i + 1;
      }
      group.put(file, body.toString());
      lastWasNamed = named;
      i = k + 1;
    }
    if (groupBad != null) {
      out.add(new Example(groupBad, group, groupLine));
    }
    return out;
  }

  private static int skipFence(String[] lines, int open) {
    int k = open + 1;
    while (k < lines.length && !lines[k].startsWith("```")) {
      k++;
    }
    return k;
  }

  /** The file an example of a language is written to when the fence names none. */
  static String defaultFile(String lang) {
    return switch (lang) {
      case "c" -> "example.c";
      case "cpp", "c++", "cxx" -> "example.cpp";
      case "cython", "pyx" -> "example.pyx";
      case "rust", "rs" -> "src/lib.rs";
      case "python", "py" -> "example.py";
      case "toml" -> "pyproject.toml";
      case "cmake" -> "CMakeLists.txt";
      case "meson" -> "meson.build";
      default -> "example." + lang;
    };
  }
}
