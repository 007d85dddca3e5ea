package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scanner knows about one Cython file ({@code .pyx}, {@code .pxd}, {@code .pxi}): the
 * header directive comments, the C-API names brought in by {@code cimport} or declared in {@code
 * cdef extern from} blocks, and the calls of those names in code.
 *
 * @param path display path
 * @param text the file's text
 * @param comments its comments
 * @param directives header directives ({@code # cython: name=value}), by name
 * @param cimported C-API names available in code, by the name used in code (an {@code as} alias
 *     maps to the real name)
 * @param starCimport whether a {@code from cpython... cimport *} makes every C-API name available
 * @param calls calls in code (not in comments, strings, or extern declarations)
 * @param includes files named by {@code include "..."} statements (textual inclusion, so those
 *     files are not modules of their own)
 */
public record CythonFile(
    String path,
    String text,
    List<SourceComment> comments,
    Map<String, HeaderDirective> directives,
    Map<String, String> cimported,
    boolean starCimport,
    List<Call> calls,
    List<String> includes) {

  private static final Pattern DIRECTIVE = Pattern.compile("^cython\\s*:\\s*(.*)$");

  public CythonFile {
    comments = List.copyOf(comments);
    directives = Map.copyOf(directives);
    cimported = Map.copyOf(cimported);
    calls = List.copyOf(calls);
    includes = List.copyOf(includes);
  }

  /**
   * A directive from a header comment.
   *
   * @param name the directive name
   * @param value its value as written
   * @param line the comment's line
   */
  public record HeaderDirective(String name, String value, int line) {
    /** True for {@code True}/{@code true}/{@code 1}. */
    public boolean isTrue() {
      String v = value.toLowerCase(Locale.ROOT);
      return v.equals("true") || v.equals("1");
    }
  }

  /**
   * A call in Cython code.
   *
   * @param name the C-API name it resolves to (the real name behind an alias)
   * @param written the name as written
   * @param line line of the name
   * @param column column of the name
   * @param firstArgument the first argument's text, or empty
   * @param criticalSection inside a {@code with cython.critical_section(...)} block
   */
  public record Call(
      String name,
      String written,
      int line,
      int column,
      String firstArgument,
      boolean criticalSection) {}

  /** Whether the module is a compiled module of its own ({@code .pyx}), not an include or pxd. */
  public boolean isModule() {
    return path.endsWith(".pyx");
  }

  /** Whether {@code name} is a C-API name this file can call. */
  public boolean knows(String apiName) {
    return starCimport || cimported.containsValue(apiName);
  }

  /** Reads a lexed Cython file. */
  public static CythonFile of(String path, LexedText lexed) {
    List<Token> t = lexed.tokens();
    int firstCodeLine = t.isEmpty() ? Integer.MAX_VALUE : t.get(0).line();
    Map<String, HeaderDirective> directives = new HashMap<>();
    for (SourceComment c : lexed.comments()) {
      if (c.line() >= firstCodeLine) {
        break;
      }
      Matcher m = DIRECTIVE.matcher(c.text());
      if (m.matches()) {
        for (String part : m.group(1).split(",")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            String name = part.substring(0, eq).strip();
            directives.put(
                name, new HeaderDirective(name, part.substring(eq + 1).strip(), c.line()));
          }
        }
      }
    }
    Map<String, String> cimported = new HashMap<>();
    boolean star = false;
    Set<Integer> declarationLines = new HashSet<>();
    List<Call> calls = new ArrayList<>();
    List<String> includes = new ArrayList<>();
    Deque<int[]> blocks = new ArrayDeque<>();
    int bracket = 0;
    int lineIndent = 0;
    int currentLine = -1;
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.line() != currentLine && bracket == 0) {
        currentLine = tok.line();
        lineIndent = tok.column();
        while (!blocks.isEmpty() && blocks.peek()[0] >= lineIndent) {
          blocks.pop();
        }
        if (tok.isName("include")
            && i + 1 < t.size()
            && t.get(i + 1).kind() == Token.Kind.STRING
            && t.get(i + 1).line() == tok.line()) {
          includes.add(t.get(i + 1).value());
        }
        if (tok.isName("from") && statementHasCimport(t, i)) {
          int k = i + 1;
          StringBuilder module = new StringBuilder();
          while (k < t.size() && !t.get(k).isName("cimport")) {
            module.append(t.get(k).text());
            k++;
          }
          k++;
          int stmtLine = tok.line();
          boolean fromCpython = module.toString().startsWith("cpython");
          while (k < t.size() && (t.get(k).line() == stmtLine || inParens(t, i, k))) {
            Token name = t.get(k);
            if (name.is("*")) {
              star |= fromCpython;
            } else if (name.kind() == Token.Kind.NAME) {
              if (k + 2 < t.size() && t.get(k + 1).isName("as")) {
                cimported.put(t.get(k + 2).text(), name.text());
                k += 2;
              } else {
                cimported.put(name.text(), name.text());
              }
            }
            k++;
          }
          declarationLines.add(stmtLine);
        } else if (tok.isName("cdef") && i + 2 < t.size() && t.get(i + 1).isName("extern")) {
          blocks.push(new int[] {lineIndent, 0, tok.line()});
          declarationLines.add(tok.line());
        } else if (tok.isName("with") && criticalSectionWith(t, i)) {
          blocks.push(new int[] {lineIndent, 1, tok.line()});
        }
      }
      if (tok.is("(") || tok.is("[") || tok.is("{")) {
        bracket++;
      } else if (tok.is(")") || tok.is("]") || tok.is("}")) {
        bracket = Math.max(0, bracket - 1);
      }
      boolean inExtern = blocks.stream().anyMatch(b -> b[1] == 0);
      if (tok.kind() != Token.Kind.NAME
          || i + 1 >= t.size()
          || !t.get(i + 1).is("(")
          || declarationLines.contains(tok.line())) {
        continue;
      }
      if (inExtern) {
        cimported.put(tok.text(), tok.text());
        continue;
      }
      if (i > 0
          && (t.get(i - 1).isName("def")
              || t.get(i - 1).isName("cdef")
              || t.get(i - 1).isName("cpdef")
              || t.get(i - 1).isName("class"))) {
        continue;
      }
      String real = cimported.getOrDefault(tok.text(), tok.text());
      int callLine = tok.line();
      boolean critical = blocks.stream().anyMatch(b -> b[1] == 1 && b[2] != callLine);
      calls.add(
          new Call(real, tok.text(), tok.line(), tok.column(), firstArgument(t, i + 1), critical));
    }
    return new CythonFile(
        path, lexed.text(), lexed.comments(), directives, cimported, star, calls, includes);
  }

  /** Whether the {@code from} statement starting at {@code i} is a {@code cimport}. */
  private static boolean statementHasCimport(List<Token> t, int i) {
    int line = t.get(i).line();
    for (int k = i + 1; k < t.size() && t.get(k).line() == line; k++) {
      if (t.get(k).isName("cimport")) {
        return true;
      }
    }
    return false;
  }

  private static boolean inParens(List<Token> t, int from, int k) {
    int depth = 0;
    for (int j = from; j < k; j++) {
      if (t.get(j).is("(")) {
        depth++;
      } else if (t.get(j).is(")")) {
        depth--;
      }
    }
    return depth > 0;
  }

  private static boolean criticalSectionWith(List<Token> t, int i) {
    int line = t.get(i).line();
    for (int k = i + 1; k < t.size() && t.get(k).line() == line; k++) {
      if (t.get(k).isName("critical_section")) {
        return true;
      }
    }
    return false;
  }

  private static String firstArgument(List<Token> t, int open) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (int k = open + 1; k < t.size(); k++) {
      Token x = t.get(k);
      if (depth == 0 && (x.is(",") || x.is(")"))) {
        break;
      }
      if (x.is("(") || x.is("[")) {
        depth++;
      } else if (x.is(")") || x.is("]")) {
        depth--;
      }
      b.append(x.text());
    }
    return b.toString();
  }

  /** The header directive with this name, if the file sets it. */
  public Optional<HeaderDirective> directive(String name) {
    return Optional.ofNullable(directives.get(name));
  }
}
