package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lightweight C/C++ lexer: it never fails, whatever the input. Comments (including {@code //}
 * comments continued by a backslash), string literals (prefixes {@code L u U u8}, C++ raw strings
 * {@code R"d(...)d"}), character literals and preprocessor lines are recognised so that only real
 * code becomes tokens. The {@code #if} stack is followed so that every token knows the branches it
 * sits in; code under a constant-false {@code #if 0} is dropped.
 */
public final class CLexer {
  private final String s;
  private final int n;

  private byte[] kind;
  private int[] start;
  private int[] end;
  private int[] line;
  private int[] cond;
  private int size;

  private final List<SourceComment> comments = new ArrayList<>();
  private final List<Directive> directives = new ArrayList<>();
  private int[] lineStarts = new int[256];
  private int lines = 1;

  private int pos;
  private int lineNo = 1;
  private boolean lineHasCode;

  private final List<Condition> conditions = new ArrayList<>();
  private int currentCond;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final List<Group> groups = new ArrayList<>();
  private boolean dead;
  private boolean configKnown;
  private boolean anyDirective;

  private CLexer(String text, boolean header) {
    this.s = text;
    this.n = text.length();
    int cap = Math.max(16, n / 5);
    kind = new byte[cap];
    start = new int[cap];
    end = new int[cap];
    line = new int[cap];
    cond = new int[cap];
    conditions.add(Condition.NONE);
    configKnown = header;
  }

  /**
   * Lexes a C or C++ source.
   *
   * @param text the file's text
   * @param header true for header files, which are read after {@code Python.h} (so {@code
   *     Py_GIL_DISABLED} is known); a source file learns it at its first {@code #include}
   */
  public static CSource lex(String text, boolean header) {
    CLexer l = new CLexer(text, header);
    l.run();
    return l.finish();
  }

  /** One open {@code #if} chain. */
  private static final class Frame {
    final int parentCond;
    final boolean parentDead;
    final String ifText;
    final Group group;
    Truth previous = Truth.NEVER;
    Truth branch;
    boolean takenConstant;
    boolean includeGuard;
    String guardName = "";

    Frame(int parentCond, boolean parentDead, String ifText, Group group, Truth t) {
      this.parentCond = parentCond;
      this.parentDead = parentDead;
      this.ifText = ifText;
      this.group = group;
      this.branch = t;
    }
  }

  /** The token ranges of the branches of one {@code #if} chain. */
  private static final class Group {
    final List<int[]> branches = new ArrayList<>();
    int branchStart;
  }

  private void run() {
    lineStarts[0] = 0;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\n') {
        pos++;
        newline();
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
        pos++;
      } else if (c == '\\' && splice(pos) > 0) {
        pos += splice(pos);
        newline();
      } else if (c == '/' && peek(1) == '/') {
        lineComment();
      } else if (c == '/' && peek(1) == '*') {
        blockComment(null);
      } else if (c == '#' && !lineHasCode) {
        directive();
      } else {
        token(c);
      }
    }
    while (!frames.isEmpty()) {
      closeFrame();
    }
  }

  private char peek(int ahead) {
    int p = pos + ahead;
    return p < n ? s.charAt(p) : '\0';
  }

  /** Length of a backslash-newline at {@code p}, or 0. */
  private int splice(int p) {
    if (p + 1 < n && s.charAt(p) == '\\') {
      if (s.charAt(p + 1) == '\n') {
        return 2;
      }
      if (s.charAt(p + 1) == '\r' && p + 2 < n && s.charAt(p + 2) == '\n') {
        return 3;
      }
    }
    return 0;
  }

  private void newline() {
    lineNo++;
    if (lines == lineStarts.length) {
      lineStarts = Arrays.copyOf(lineStarts, lines * 2);
    }
    lineStarts[lines++] = pos;
    lineHasCode = false;
  }

  private void lineComment() {
    int startLine = lineNo;
    boolean own = !lineHasCode;
    pos += 2;
    StringBuilder text = new StringBuilder();
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\n') {
        break;
      }
      int sp = splice(pos);
      if (sp > 0) {
        pos += sp;
        newline();
        lineHasCode = true;
        text.append(' ');
        continue;
      }
      text.append(c);
      pos++;
    }
    comments.add(new SourceComment(startLine, text.toString().strip(), own));
  }

  /**
   * Reads a block comment; when {@code into} is given (inside a directive) a space stands in for it
   * there.
   */
  private void blockComment(@Nullable StringBuilder into) {
    int startLine = lineNo;
    boolean own = !lineHasCode;
    int from = pos + 2;
    pos += 2;
    int to = n;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '*' && peek(1) == '/') {
        to = pos;
        pos += 2;
        break;
      }
      pos++;
      if (c == '\n') {
        newline();
      }
    }
    comments.add(new SourceComment(startLine, s.substring(from, Math.min(to, n)).strip(), own));
    if (into != null) {
      into.append(' ');
    }
  }

  private void token(char c) {
    lineHasCode = true;
    int from = pos;
    if (isIdentStart(c)) {
      pos++;
      while (pos < n && isIdentPart(s.charAt(pos))) {
        pos++;
      }
      if (pos < n && (s.charAt(pos) == '"' || s.charAt(pos) == '\'')) {
        String prefix = s.substring(from, pos);
        if (s.charAt(pos) == '"' && isStringPrefix(prefix)) {
          if (prefix.endsWith("R")) {
            rawString(from);
          } else {
            quoted('"');
            emit(CTokenKind.STRING, from, pos);
          }
          return;
        }
        if (s.charAt(pos) == '\'' && isCharPrefix(prefix)) {
          quoted('\'');
          emit(CTokenKind.CHAR, from, pos);
          return;
        }
      }
      emit(CTokenKind.IDENT, from, pos);
    } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      number();
      emit(CTokenKind.NUMBER, from, pos);
    } else if (c == '"') {
      quoted('"');
      emit(CTokenKind.STRING, from, pos);
    } else if (c == '\'') {
      quoted('\'');
      emit(CTokenKind.CHAR, from, pos);
    } else {
      pos += punctLength();
      emit(CTokenKind.PUNCT, from, pos);
    }
  }

  private static boolean isStringPrefix(String p) {
    return switch (p) {
      case "L", "u", "U", "u8", "R", "LR", "uR", "UR", "u8R" -> true;
      default -> false;
    };
  }

  private static boolean isCharPrefix(String p) {
    return switch (p) {
      case "L", "u", "U", "u8" -> true;
      default -> false;
    };
  }

  private void number() {
    pos++;
    while (pos < n) {
      char c = s.charAt(pos);
      char prev = s.charAt(pos - 1);
      if ((c == '+' || c == '-') && (prev == 'e' || prev == 'E' || prev == 'p' || prev == 'P')) {
        pos++;
      } else if (c == '\'' && pos + 1 < n && isIdentPart(s.charAt(pos + 1))) {
        pos += 2;
      } else if (isIdentPart(c) || c == '.') {
        pos++;
      } else {
        break;
      }
    }
  }

  /** A string or char literal from the opening quote at {@code pos}; ends at the line's end. */
  private void quoted(char quote) {
    pos++;
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == quote) {
        pos++;
        return;
      }
      if (c == '\n') {
        return;
      }
      if (c == '\\') {
        int sp = splice(pos);
        if (sp > 0) {
          pos += sp;
          newline();
          lineHasCode = true;
          continue;
        }
        pos += pos + 1 < n && s.charAt(pos + 1) != '\n' ? 2 : 1;
        continue;
      }
      pos++;
    }
  }

  /** {@code R"delim( ... )delim"}; a malformed opening is read as an ordinary string. */
  private void rawString(int from) {
    int open = pos;
    int paren = -1;
    for (int i = open + 1; i < n && i <= open + 17; i++) {
      char c = s.charAt(i);
      if (c == '(') {
        paren = i;
        break;
      }
      if (c == ')' || c == '\\' || c == '"' || Character.isWhitespace(c)) {
        break;
      }
    }
    if (paren < 0) {
      quoted('"');
      emit(CTokenKind.STRING, from, pos);
      return;
    }
    String close = ")" + s.substring(open + 1, paren) + "\"";
    int endAt = s.indexOf(close, paren + 1);
    int stop = endAt < 0 ? n : endAt + close.length();
    int startLine = lineNo;
    for (int i = open; i < stop; i++) {
      if (s.charAt(i) == '\n') {
        pos = i + 1;
        newline();
      }
    }
    pos = stop;
    emitAt(CTokenKind.STRING, from, pos, startLine);
    lineHasCode = true;
  }

  private int punctLength() {
    char c = s.charAt(pos);
    char d = peek(1);
    char e = peek(2);
    if ((c == '<' && d == '<' && e == '=')
        || (c == '>' && d == '>' && e == '=')
        || (c == '.' && d == '.' && e == '.')
        || (c == '-' && d == '>' && e == '*')) {
      return 3;
    }
    boolean two =
        switch (c) {
          case '-' -> d == '>' || d == '-' || d == '=';
          case '+' -> d == '+' || d == '=';
          case ':' -> d == ':';
          case '*', '/', '%', '^', '!', '=' -> d == '=';
          case '&' -> d == '&' || d == '=';
          case '|' -> d == '|' || d == '=';
          case '<' -> d == '<' || d == '=';
          case '>' -> d == '>' || d == '=';
          case '#' -> d == '#';
          case '.' -> d == '*';
          default -> false;
        };
    return two ? 2 : 1;
  }

  private void emit(CTokenKind k, int from, int to) {
    emitAt(k, from, to, lineNo);
  }

  private void emitAt(CTokenKind k, int from, int to, int tokenLine) {
    if (dead) {
      return;
    }
    if (size == kind.length) {
      int cap = size * 2;
      kind = Arrays.copyOf(kind, cap);
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      line = Arrays.copyOf(line, cap);
      cond = Arrays.copyOf(cond, cap);
    }
    kind[size] = k.code();
    start[size] = from;
    end[size] = to;
    line[size] = tokenLine;
    cond[size] = currentCond;
    size++;
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---- preprocessor ----

  private void directive() {
    int dLine = lineNo;
    int dCol = pos - lineStarts[lines - 1] + 1;
    pos++;
    int lineEnd = s.indexOf('\n', pos);
    if (lineEnd < 0) {
      lineEnd = n;
    }
    if (plainDirective(pos, lineEnd)) {
      // The common case: no comment, continuation or literal on the line.
      String text = s.substring(pos, lineEnd);
      pos = lineEnd;
      lineHasCode = false;
      handle(text.strip(), dLine, dCol);
      return;
    }
    StringBuilder b = new StringBuilder();
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\n') {
        break;
      }
      int sp = splice(pos);
      if (sp > 0) {
        pos += sp;
        newline();
        lineHasCode = true;
        b.append(' ');
      } else if (c == '/' && peek(1) == '/') {
        lineHasCode = true;
        lineComment();
      } else if (c == '/' && peek(1) == '*') {
        lineHasCode = true;
        blockComment(b);
      } else if (c == '"' || c == '\'') {
        int from = pos;
        quoted(c);
        b.append(s, from, pos);
      } else {
        b.append(c);
        pos++;
      }
    }
    lineHasCode = false;
    handle(b.toString().strip(), dLine, dCol);
  }

  private boolean plainDirective(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '\\' || c == '"' || c == '\'' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  private void handle(String text, int dLine, int dCol) {
    int i = 0;
    while (i < text.length() && isIdentPart(text.charAt(i))) {
      i++;
    }
    String word = text.substring(0, i);
    String rest = text.substring(i).strip();
    Condition here = conditions.get(currentCond);
    boolean first = !anyDirective;
    anyDirective = true;
    switch (word) {
      case "if" -> {
        ConditionEvaluator.Result r = ConditionEvaluator.evaluate(rest, configKnown);
        open("#if " + rest, dLine, r.truth(), r.constant());
        record(Directive.Kind.IF, "", rest, dLine, dCol, here);
      }
      case "ifdef" -> {
        String name = firstWord(rest);
        open("#ifdef " + name, dLine, ConditionEvaluator.defined(name, configKnown), false);
        record(Directive.Kind.IFDEF, name, "", dLine, dCol, here);
      }
      case "ifndef" -> {
        String name = firstWord(rest);
        open("#ifndef " + name, dLine, ConditionEvaluator.defined(name, configKnown).not(), false);
        if (first && size == 0) {
          frames.peek().includeGuard = true;
          frames.peek().guardName = name;
        }
        record(Directive.Kind.IFNDEF, name, "", dLine, dCol, here);
      }
      case "elif" -> {
        ConditionEvaluator.Result r = ConditionEvaluator.evaluate(rest, configKnown);
        alternative("#elif " + rest, dLine, r.truth(), r.constant());
        record(Directive.Kind.ELIF, "", rest, dLine, dCol, here);
      }
      case "elifdef", "elifndef" -> {
        String name = firstWord(rest);
        Truth t = ConditionEvaluator.defined(name, configKnown);
        alternative("#" + word + " " + name, dLine, word.equals("elifdef") ? t : t.not(), false);
        record(Directive.Kind.ELIF, name, "", dLine, dCol, here);
      }
      case "else" -> {
        Frame f = frames.peek();
        String of = f == null ? "" : " of " + f.ifText;
        alternative("#else" + of, dLine, Truth.ALWAYS, true);
        record(Directive.Kind.ELSE, "", "", dLine, dCol, here);
      }
      case "endif" -> {
        closeFrame();
        record(Directive.Kind.ENDIF, "", "", dLine, dCol, here);
      }
      case "define", "undef" -> {
        String name = firstWord(rest);
        String body = rest.substring(Math.min(rest.length(), name.length())).strip();
        Frame f = frames.peek();
        if (f != null && f.includeGuard && word.equals("define") && name.equals(f.guardName)) {
          // An include guard: the branch holds whenever the header is read at all.
          currentCond = f.parentCond;
          f.includeGuard = false;
        }
        if (!dead) {
          Directive.Kind k = word.equals("define") ? Directive.Kind.DEFINE : Directive.Kind.UNDEF;
          record(k, name, body, dLine, dCol, here);
        }
      }
      case "include" -> {
        if (!dead) {
          configKnown = true;
          record(Directive.Kind.INCLUDE, includeName(rest), "", dLine, dCol, here);
        }
      }
      default -> {
        if (!dead) {
          record(Directive.Kind.OTHER, word, rest, dLine, dCol, here);
        }
      }
    }
  }

  private void record(
      Directive.Kind k, String name, String body, int dLine, int dCol, Condition here) {
    if (!dead
        || k == Directive.Kind.ENDIF
        || k == Directive.Kind.ELSE
        || k == Directive.Kind.ELIF) {
      directives.add(new Directive(k, name, body, dLine, dCol, here));
    }
  }

  private static String firstWord(String text) {
    int i = 0;
    while (i < text.length() && isIdentPart(text.charAt(i))) {
      i++;
    }
    return text.substring(0, i);
  }

  private static String includeName(String rest) {
    if (rest.length() >= 2 && (rest.charAt(0) == '"' || rest.charAt(0) == '<')) {
      char close = rest.charAt(0) == '"' ? '"' : '>';
      int e = rest.indexOf(close, 1);
      return e < 0 ? rest.substring(1) : rest.substring(1, e);
    }
    return rest;
  }

  private void open(String text, int dLine, Truth t, boolean constant) {
    Group g = new Group();
    g.branchStart = size;
    Frame f = new Frame(currentCond, dead, text, g, t);
    frames.push(f);
    enterBranch(f, text, dLine, t, constant && t == Truth.NEVER);
    if (constant && t == Truth.ALWAYS) {
      f.takenConstant = true;
    }
  }

  private void alternative(String text, int dLine, Truth t, boolean constant) {
    Frame f = frames.peek();
    if (f == null) {
      return;
    }
    f.group.branches.add(new int[] {f.group.branchStart, size});
    f.group.branchStart = size;
    f.previous = f.previous.or(f.branch);
    Truth combined = f.previous.not().and(t);
    f.branch = combined;
    f.includeGuard = false;
    boolean constantFalse = f.takenConstant || (constant && t == Truth.NEVER);
    enterBranch(f, text, dLine, combined, constantFalse);
    if (constant && t == Truth.ALWAYS) {
      f.takenConstant = true;
    }
  }

  private void enterBranch(Frame f, String text, int dLine, Truth t, boolean constantFalse) {
    Condition parent = conditions.get(f.parentCond);
    conditions.add(parent.with(new Condition.Guard(text, dLine, t)));
    currentCond = conditions.size() - 1;
    dead = f.parentDead || constantFalse;
  }

  private void closeFrame() {
    Frame f = frames.poll();
    if (f == null) {
      return;
    }
    f.group.branches.add(new int[] {f.group.branchStart, size});
    groups.add(f.group);
    currentCond = f.parentCond;
    dead = f.parentDead;
  }

  private CSource finish() {
    boolean[] structural = new boolean[size];
    Arrays.fill(structural, true);
    for (Group g : groups) {
      if (g.branches.size() < 2) {
        continue;
      }
      boolean unbalanced = false;
      for (int[] b : g.branches) {
        if (delta(b, structural) != 0) {
          unbalanced = true;
        }
      }
      if (unbalanced) {
        for (int k = 1; k < g.branches.size(); k++) {
          int[] b = g.branches.get(k);
          for (int i = b[0]; i < b[1]; i++) {
            structural[i] = false;
          }
        }
      }
    }
    int[] starts = Arrays.copyOf(lineStarts, lines);
    CTokens tokens =
        new CTokens(s, size, kind, start, end, line, cond, structural, starts, conditions);
    return new CSource(tokens, comments, directives);
  }

  private int delta(int[] range, boolean[] structural) {
    int d = 0;
    for (int i = range[0]; i < range[1]; i++) {
      if (!structural[i] || kind[i] != CTokenKind.PUNCT.code() || end[i] - start[i] != 1) {
        continue;
      }
      char c = s.charAt(start[i]);
      if (c == '{') {
        d++;
      } else if (c == '}') {
        d--;
      }
    }
    return d;
  }
}
