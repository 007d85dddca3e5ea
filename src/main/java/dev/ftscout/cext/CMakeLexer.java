package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CMake files into command invocations: {@code name(arg ...)} with quoted, bracket and
 * unquoted arguments; {@code #} line comments and {@code #[[...]]} bracket comments are recorded as
 * comments. It never fails.
 */
public final class CMakeLexer {
  private final String s;
  private final int n;
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean lineHasCode;
  private final List<SourceComment> comments = new ArrayList<>();
  private final List<Command> commands = new ArrayList<>();

  private CMakeLexer(String s) {
    this.s = s;
    this.n = s.length();
  }

  /**
   * One command invocation.
   *
   * @param name the command name, lower-cased (CMake command names ignore case)
   * @param args the arguments, quotes removed
   * @param line line of the name
   * @param column column of the name
   */
  public record Command(String name, List<Token> args, int line, int column) {
    public Command {
      args = List.copyOf(args);
    }

    /** The argument texts. */
    public List<String> values() {
      return args.stream().map(Token::value).toList();
    }
  }

  /**
   * A lexed CMake file.
   *
   * @param comments the comments
   * @param commands the command invocations in order
   */
  public record Result(List<SourceComment> comments, List<Command> commands) {
    public Result {
      comments = List.copyOf(comments);
      commands = List.copyOf(commands);
    }
  }

  /** Lexes a CMake file. */
  public static Result lex(String text) {
    CMakeLexer l = new CMakeLexer(text);
    l.run();
    return new Result(l.comments, l.commands);
  }

  private char at(int p) {
    return p < n ? s.charAt(p) : '\0';
  }

  private void step() {
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
        step();
      } else if (c == '#') {
        comment();
      } else if (Character.isLetter(c) || c == '_') {
        lineHasCode = true;
        int from = pos;
        int l = line;
        int col = pos - lineStart + 1;
        while (pos < n && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
          pos++;
        }
        String name = s.substring(from, pos).toLowerCase(java.util.Locale.ROOT);
        while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
          pos++;
        }
        if (at(pos) == '(') {
          commands.add(new Command(name, arguments(), l, col));
        }
      } else {
        lineHasCode = true;
        step();
      }
    }
  }

  private void comment() {
    int l = line;
    boolean own = !lineHasCode;
    pos++;
    int eqs = bracketOpen();
    if (eqs >= 0) {
      String body = bracket(eqs);
      comments.add(new SourceComment(l, body.strip(), own));
      return;
    }
    int from = pos;
    while (pos < n && s.charAt(pos) != '\n') {
      pos++;
    }
    comments.add(new SourceComment(l, s.substring(from, pos).strip(), own));
  }

  /** At {@code [=*[}: the number of {@code =}, else -1 (position unchanged). */
  private int bracketOpen() {
    if (at(pos) != '[') {
      return -1;
    }
    int p = pos + 1;
    int eqs = 0;
    while (at(p) == '=') {
      eqs++;
      p++;
    }
    return at(p) == '[' ? eqs : -1;
  }

  private String bracket(int eqs) {
    pos += eqs + 2;
    String close = "]" + "=".repeat(eqs) + "]";
    int end = s.indexOf(close, pos);
    int stop = end < 0 ? n : end;
    int from = pos;
    while (pos < stop) {
      step();
    }
    pos = Math.min(n, stop + close.length());
    return s.substring(from, stop);
  }

  private List<Token> arguments() {
    List<Token> args = new ArrayList<>();
    pos++;
    int depth = 1;
    while (pos < n && depth > 0) {
      char c = s.charAt(pos);
      int l = line;
      int col = pos - lineStart + 1;
      if (Character.isWhitespace(c)) {
        step();
      } else if (c == '#') {
        comment();
      } else if (c == '(') {
        depth++;
        pos++;
      } else if (c == ')') {
        depth--;
        pos++;
      } else if (c == '"') {
        int from = pos;
        pos++;
        StringBuilder v = new StringBuilder();
        while (pos < n && s.charAt(pos) != '"') {
          if (s.charAt(pos) == '\\' && pos + 1 < n) {
            v.append(s.charAt(pos + 1));
            pos++;
            step();
          } else {
            v.append(s.charAt(pos));
            step();
          }
        }
        pos = Math.min(n, pos + 1);
        args.add(new Token(Token.Kind.STRING, s.substring(from, pos), v.toString(), l, col));
      } else if (c == '[' && bracketOpen() >= 0) {
        int from = pos;
        String body = bracket(bracketOpen());
        args.add(new Token(Token.Kind.STRING, s.substring(from, pos), body, l, col));
      } else {
        int from = pos;
        while (pos < n) {
          char d = s.charAt(pos);
          if (Character.isWhitespace(d) || d == '#' || d == ')' || d == '(') {
            break;
          }
          if (d == '"') {
            pos++;
            while (pos < n && s.charAt(pos) != '"') {
              step();
            }
          }
          pos = Math.min(n, pos + 1);
        }
        if (pos == from) {
          pos++;
          continue;
        }
        String t = s.substring(from, pos);
        args.add(new Token(Token.Kind.NAME, t, t, l, col));
      }
    }
    return args;
  }
}
