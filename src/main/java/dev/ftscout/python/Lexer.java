package dev.ftscout.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits UTF-8 source into tokens the way CPython 3.12+'s tokenizer ({@code Parser/lexer/lexer.c})
 * does: INDENT/DEDENT from an indentation stack (tabs to multiples of 8, checked against a tab size
 * of 1 for consistency), NEWLINE only outside brackets, f-strings and t-strings as structured
 * START/MIDDLE/END tokens with their replacement fields tokenized in between (PEP 701).
 *
 * <p>Unlike CPython it does not stop at the first error: it records the error, emits an {@link
 * #ERRORTOKEN} and carries on, so the parser can recover and report later problems too.
 */
final class Lexer {
  static final int ENDMARKER = 0;
  static final int NAME = 1;
  static final int NUMBER = 2;
  static final int STRING = 3;
  static final int NEWLINE = 4;
  static final int INDENT = 5;
  static final int DEDENT = 6;
  static final int LPAR = 7;
  static final int RPAR = 8;
  static final int LSQB = 9;
  static final int RSQB = 10;
  static final int COLON = 11;
  static final int COMMA = 12;
  static final int SEMI = 13;
  static final int PLUS = 14;
  static final int MINUS = 15;
  static final int STAR = 16;
  static final int SLASH = 17;
  static final int VBAR = 18;
  static final int AMPER = 19;
  static final int LESS = 20;
  static final int GREATER = 21;
  static final int EQUAL = 22;
  static final int DOT = 23;
  static final int PERCENT = 24;
  static final int LBRACE = 25;
  static final int RBRACE = 26;
  static final int EQEQUAL = 27;
  static final int NOTEQUAL = 28;
  static final int LESSEQUAL = 29;
  static final int GREATEREQUAL = 30;
  static final int TILDE = 31;
  static final int CIRCUMFLEX = 32;
  static final int LEFTSHIFT = 33;
  static final int RIGHTSHIFT = 34;
  static final int DOUBLESTAR = 35;
  static final int PLUSEQUAL = 36;
  static final int MINEQUAL = 37;
  static final int STAREQUAL = 38;
  static final int SLASHEQUAL = 39;
  static final int PERCENTEQUAL = 40;
  static final int AMPEREQUAL = 41;
  static final int VBAREQUAL = 42;
  static final int CIRCUMFLEXEQUAL = 43;
  static final int LEFTSHIFTEQUAL = 44;
  static final int RIGHTSHIFTEQUAL = 45;
  static final int DOUBLESTAREQUAL = 46;
  static final int DOUBLESLASH = 47;
  static final int DOUBLESLASHEQUAL = 48;
  static final int AT = 49;
  static final int ATEQUAL = 50;
  static final int RARROW = 51;
  static final int ELLIPSIS = 52;
  static final int COLONEQUAL = 53;
  static final int EXCLAMATION = 54;
  static final int FSTRING_START = 55;
  static final int FSTRING_MIDDLE = 56;
  static final int FSTRING_END = 57;
  static final int TSTRING_START = 58;
  static final int TSTRING_MIDDLE = 59;
  static final int TSTRING_END = 60;

  /** A lexical error; {@link #aux} holds the index into {@link #errors}. */
  static final int ERRORTOKEN = 61;

  /** A character that is no token at all ({@code $}, {@code ?}, a backtick). */
  static final int UNKNOWN = 62;

  /** Python 2's {@code <>}, which CPython tokenizes but never accepts. */
  static final int LTGT = 63;

  static final int KW_FALSE = 70;
  static final int KW_NONE = 71;
  static final int KW_TRUE = 72;
  static final int KW_AND = 73;
  static final int KW_AS = 74;
  static final int KW_ASSERT = 75;
  static final int KW_ASYNC = 76;
  static final int KW_AWAIT = 77;
  static final int KW_BREAK = 78;
  static final int KW_CLASS = 79;
  static final int KW_CONTINUE = 80;
  static final int KW_DEF = 81;
  static final int KW_DEL = 82;
  static final int KW_ELIF = 83;
  static final int KW_ELSE = 84;
  static final int KW_EXCEPT = 85;
  static final int KW_FINALLY = 86;
  static final int KW_FOR = 87;
  static final int KW_FROM = 88;
  static final int KW_GLOBAL = 89;
  static final int KW_IF = 90;
  static final int KW_IMPORT = 91;
  static final int KW_IN = 92;
  static final int KW_IS = 93;
  static final int KW_LAMBDA = 94;
  static final int KW_NONLOCAL = 95;
  static final int KW_NOT = 96;
  static final int KW_OR = 97;
  static final int KW_PASS = 98;
  static final int KW_RAISE = 99;
  static final int KW_RETURN = 100;
  static final int KW_TRY = 101;
  static final int KW_WHILE = 102;
  static final int KW_WITH = 103;
  static final int KW_YIELD = 104;

  private static final String[] KEYWORDS = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"
  };

  private static final int TAB_SIZE = 8;
  private static final int MAX_INDENT = 100;
  private static final int MAX_LEVEL = 200;
  private static final int MAX_FSTRING_LEVEL = 150;
  private static final int MAX_EXPR_NESTING = 3;
  private static final int EOF = -1;

  /** One lexical error, located at a byte offset (CPython points at the character before it). */
  record LexError(
      String message,
      int line,
      int offset,
      int endOffset,
      SyntaxError.Kind kind,
      boolean raisesImmediately) {}

  /** The state of one open f-string or t-string (CPython's {@code tokenizer_mode}). */
  private static final class Mode {
    boolean inString;
    int quote;
    int quoteSize;
    boolean raw;
    boolean template;
    int start;
    int curlyDepth;
    int exprStartDepth = -1;
    boolean inFormatSpec;
  }

  private final byte[] b;
  private final int n;
  private int pos;

  final int[] lineStarts;
  final int lineCount;

  int count;
  int[] type = new int[256];
  int[] start = new int[256];
  int[] end = new int[256];

  /**
   * FSTRING_MIDDLE: end of the text (CPython leaves the second brace of {{ out); ERRORTOKEN: error
   * index.
   */
  int[] aux = new int[256];

  final List<LexError> errors = new ArrayList<>();
  final List<Comment> comments = new ArrayList<>();

  private boolean atbol = true;
  private int pendin;
  private int indent;
  private final int[] indstack = new int[MAX_INDENT + 1];
  private final int[] altindstack = new int[MAX_INDENT + 1];
  private int level;
  private final int[] parenstack = new int[MAX_LEVEL];
  private final int[] parenoffset = new int[MAX_LEVEL];
  private final Mode[] modes = new Mode[MAX_FSTRING_LEVEL + 1];
  private int modeIndex;
  private boolean blankline;
  private boolean done;

  /**
   * Offset of the first place where tokenizing resynchronised after broken brackets; from there on
   * the tokens are no longer CPython's, so later errors must not stand in for CPython's.
   */
  int firstResync = Integer.MAX_VALUE;

  /** Where tokenizing last resumed after unclosed brackets, so it never resumes twice there. */
  private int resumedAt = -1;

  Lexer(byte[] source) {
    this.b = source;
    this.n = source.length;
    int[] starts = new int[Math.max(16, n / 32)];
    int lines = 0;
    starts[lines++] = 0;
    for (int i = 0; i < n; i++) {
      if (b[i] == '\n' && i + 1 < n) {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      }
    }
    this.lineStarts = starts;
    this.lineCount = lines;
    Mode regular = new Mode();
    modes[0] = regular;
  }

  /** Tokenizes the whole input, ending with one ENDMARKER. */
  void run() {
    while (!done) {
      next();
    }
  }

  // ---- positions ----------------------------------------------------------------------------

  /** The 1-based line that byte offset {@code off} is on. */
  int lineOf(int off) {
    int lo = 0;
    int hi = lineCount - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= off) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  int lineStart(int line) {
    return lineStarts[Math.max(0, Math.min(line, lineCount) - 1)];
  }

  /** The identifier or keyword text of token {@code i}. */
  String text(int i) {
    return new String(b, start[i], end[i] - start[i], StandardCharsets.UTF_8);
  }

  byte[] bytes() {
    return b;
  }

  // ---- reading ------------------------------------------------------------------------------

  private int nextc() {
    if (pos >= n) {
      pos = n + 1;
      return EOF;
    }
    return b[pos++] & 0xFF;
  }

  private void backup(int c) {
    if (c != EOF) {
      pos--;
    } else if (pos > n) {
      pos = n;
    }
  }

  private int peek() {
    return pos < n ? b[pos] & 0xFF : EOF;
  }

  private void emit(int t, int s, int e) {
    emit(t, s, e, e);
  }

  private void emit(int t, int s, int e, int x) {
    if (count == type.length) {
      int cap = count * 2;
      type = Arrays.copyOf(type, cap);
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      aux = Arrays.copyOf(aux, cap);
    }
    type[count] = t;
    start[count] = s;
    end[count] = Math.min(e, n);
    aux[count] = x;
    count++;
    if (t == ENDMARKER) {
      done = true;
    }
  }

  /** Records an error that points at the character just before {@code cur}, like CPython. */
  private void error(String message, int cur) {
    error(message, cur, SyntaxError.Kind.SYNTAX_ERROR, true);
  }

  private void error(String message, int cur, SyntaxError.Kind kind, boolean raises) {
    int at = Math.min(Math.max(cur, 0), n);
    int line = lineOf(Math.max(0, at - 1));
    errors.add(new LexError(message, line, at, at, kind, raises));
    emit(ERRORTOKEN, Math.max(0, at - 1), at, errors.size() - 1);
  }

  private static boolean isIdentStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
  }

  private static boolean isIdentChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c >= 128;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private Mode mode() {
    return modes[modeIndex];
  }

  private boolean insideFstring() {
    return modeIndex > 0;
  }

  // ---- tokens -------------------------------------------------------------------------------

  private void next() {
    Mode m = mode();
    if (m.inString) {
      fstringMode(m);
    } else {
      normalMode(m);
    }
  }

  private void normalMode(Mode cur) {
    for (; ; ) {
      blankline = false;
      if (atbol) {
        if (!indentation()) {
          return;
        }
      }
      if (pendin != 0) {
        if (pendin < 0) {
          pendin++;
          emit(DEDENT, pos, pos);
        } else {
          pendin--;
          emit(INDENT, lineStart(lineOf(pos)), pos);
        }
        return;
      }
      if (token(cur)) {
        return;
      }
    }
  }

  /** Reads the indentation of a new line and queues INDENT/DEDENT; false if it emitted an error. */
  private boolean indentation() {
    int col = 0;
    int altcol = 0;
    atbol = false;
    int contLineCol = 0;
    int c;
    for (; ; ) {
      c = nextc();
      if (c == ' ') {
        col++;
        altcol++;
      } else if (c == '\t') {
        col = (col / TAB_SIZE + 1) * TAB_SIZE;
        altcol = altcol + 1;
      } else if (c == '\f') {
        col = 0;
        altcol = 0;
      } else if (c == '\\') {
        contLineCol = contLineCol != 0 ? contLineCol : col;
        if (!continuationLine()) {
          return false;
        }
      } else {
        break;
      }
    }
    backup(c);
    if (c == '#' || c == '\n' || c == '\r') {
      blankline = true;
    }
    if (!blankline && level > 0 && modeIndex == 0 && startsStatementKeyword(pos)) {
      closeBracketsBeforeStatement();
      return false;
    }
    if (!blankline && level == 0) {
      col = contLineCol != 0 ? contLineCol : col;
      altcol = contLineCol != 0 ? contLineCol : altcol;
      if (col == indstack[indent]) {
        if (altcol != altindstack[indent]) {
          tabError();
        }
      } else if (col > indstack[indent]) {
        if (indent + 1 >= MAX_INDENT) {
          error("too many levels of indentation", pos, SyntaxError.Kind.INDENTATION_ERROR, false);
          return false;
        }
        if (altcol <= altindstack[indent]) {
          tabError();
        }
        pendin++;
        indstack[++indent] = col;
        altindstack[indent] = altcol;
      } else {
        while (indent > 0 && col < indstack[indent]) {
          pendin--;
          indent--;
        }
        if (col != indstack[indent]) {
          // CPython points past the end of the offending line.
          error(
              "unindent does not match any outer indentation level",
              Math.min(n, lineEndOf(pos) + 1),
              SyntaxError.Kind.INDENTATION_ERROR,
              false);
          // Recover by treating the odd column as one more level, so blocks still balance.
          pendin++;
          indstack[++indent] = col;
          altindstack[indent] = altcol;
          return false;
        }
        if (altcol != altindstack[indent]) {
          tabError();
        }
      }
    }
    return true;
  }

  private void tabError() {
    int line = lineOf(pos);
    errors.add(
        new LexError(
            "inconsistent use of tabs and spaces in indentation",
            line,
            pos,
            pos,
            SyntaxError.Kind.TAB_ERROR,
            false));
    emit(ERRORTOKEN, pos, pos, errors.size() - 1);
  }

  /** After a backslash: the line must end right there and the file must go on. */
  private boolean continuationLine() {
    int c = nextc();
    if (c != '\n') {
      backup(c);
      error(
          "unexpected character after line continuation character",
          pos + 1,
          SyntaxError.Kind.SYNTAX_ERROR,
          false);
      if (c != EOF) {
        pos++;
      }
      return false;
    }
    c = nextc();
    if (c == EOF) {
      errors.add(
          new LexError(
              "unexpected EOF while parsing",
              lineOf(n - 1),
              n,
              n,
              SyntaxError.Kind.SYNTAX_ERROR,
              false));
      emit(ERRORTOKEN, n, n, errors.size() - 1);
      emit(ENDMARKER, n, n);
      return false;
    }
    backup(c);
    return true;
  }

  /** Reads one token after the indentation; false when the line was blank and another is needed. */
  private boolean token(Mode cur) {
    int c;
    for (; ; ) {
      do {
        c = nextc();
      } while (c == ' ' || c == '\t' || c == '\f');
      int tokStart = pos - 1;

      if (c == '#') {
        int s = tokStart;
        while (c != EOF && c != '\n') {
          c = nextc();
        }
        int e = c == EOF ? n : pos - 1;
        int line = lineOf(s);
        comments.add(
            new Comment(
                line, s - lineStart(line), new String(b, s, e - s, StandardCharsets.UTF_8)));
      }

      if (c == EOF) {
        if (level > 0) {
          unclosedBracketsAtEof();
          return true;
        }
        emit(ENDMARKER, n, n);
        return true;
      }

      if (isIdentStart(c)) {
        identifierOrString(c, tokStart);
        return true;
      }

      if (c == '\n') {
        atbol = true;
        if (blankline || level > 0) {
          return false;
        }
        emit(NEWLINE, tokStart, pos);
        return true;
      }

      if (c == '.') {
        c = nextc();
        if (isDigit(c)) {
          number(c, tokStart, true);
          return true;
        } else if (c == '.') {
          c = nextc();
          if (c == '.') {
            emit(ELLIPSIS, tokStart, pos);
            return true;
          }
          backup(c);
          backup('.');
        } else {
          backup(c);
        }
        emit(DOT, tokStart, pos);
        return true;
      }

      if (isDigit(c)) {
        number(c, tokStart, false);
        return true;
      }

      if (c == '\'' || c == '"') {
        string(c, tokStart);
        return true;
      }

      if (c == '\\') {
        if (!continuationLine()) {
          return true;
        }
        continue;
      }
      operator(cur, c, tokStart);
      return true;
    }
  }

  /**
   * The file ended inside brackets. CPython reports the innermost open bracket. To let the parser
   * go on after such a broken statement, the lexer then looks for the first later line that starts
   * a new statement (at or left of the indentation of the line that opened the outermost bracket)
   * and tokenizes again from there, as if the brackets had closed before it.
   */
  private void unclosedBracketsAtEof() {
    int open = parenoffset[level - 1];
    int line = lineOf(open);
    char ch = (char) parenstack[level - 1];
    errors.add(
        new LexError(
            "'" + ch + "' was never closed",
            line,
            open + 1,
            open + 1,
            SyntaxError.Kind.SYNTAX_ERROR,
            false));
    int outer = parenoffset[0];
    level = 0;
    int resume = resumeLine(outer);
    if (resume < 0) {
      emit(ERRORTOKEN, open, open + 1, errors.size() - 1);
      emit(ENDMARKER, n, n);
      return;
    }
    int keep = count;
    while (keep > 0 && start[keep - 1] >= resume) {
      keep--;
    }
    count = keep;
    LexError neverClosed = errors.remove(errors.size() - 1);
    errors.removeIf(e -> e.offset() > resume);
    errors.add(neverClosed);
    comments.removeIf(c -> lineStart(c.line()) + c.column() >= resume);
    emit(ERRORTOKEN, open, open + 1, errors.size() - 1);
    emit(NEWLINE, resume, resume);
    firstResync = Math.min(firstResync, resume);
    pos = resume;
    atbol = true;
    modeIndex = 0;
    resumedAt = resume;
  }

  private static final String[] STATEMENT_KEYWORDS = {
    "def",
    "class",
    "return",
    "raise",
    "del",
    "assert",
    "global",
    "nonlocal",
    "pass",
    "break",
    "continue",
    "try",
    "while",
    "with",
    "except",
    "finally",
    "elif",
    "import"
  };

  /**
   * Whether the text at {@code at} is a keyword that only ever starts a statement. Such a word can
   * never be inside brackets in valid code, so finding one there means a bracket was left open.
   */
  private boolean startsStatementKeyword(int at) {
    for (String kw : STATEMENT_KEYWORDS) {
      int len = kw.length();
      if (at + len > n) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < len; i++) {
        if (b[at + i] != kw.charAt(i)) {
          same = false;
          break;
        }
      }
      if (same && (at + len >= n || !isIdentChar(b[at + len] & 0xFF))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A statement keyword starts a line inside brackets: report the innermost bracket as never
   * closed, end the broken logical line there, and tokenize the new line as a statement.
   */
  private void closeBracketsBeforeStatement() {
    int open = parenoffset[level - 1];
    char ch = (char) parenstack[level - 1];
    errors.add(
        new LexError(
            "'" + ch + "' was never closed",
            lineOf(open),
            open + 1,
            open + 1,
            SyntaxError.Kind.SYNTAX_ERROR,
            false));
    emit(ERRORTOKEN, open, open + 1, errors.size() - 1);
    int lineBegin = lineStart(lineOf(pos));
    firstResync = Math.min(firstResync, lineBegin);
    emit(NEWLINE, lineBegin, lineBegin);
    level = 0;
    pos = lineBegin;
    atbol = true;
  }

  /** Offset of the line to resume at after unclosed brackets, or -1. */
  private int resumeLine(int outerOpen) {
    int openLine = lineOf(outerOpen);
    int indent = indentWidth(lineStart(openLine));
    for (int l = openLine + 1; l <= lineCount; l++) {
      int ls = lineStarts[l - 1];
      if (ls <= resumedAt) {
        continue;
      }
      int col = indentWidth(ls);
      int first = ls + col;
      if (first >= n || b[first] == '\n' || b[first] == '#') {
        continue;
      }
      int c = b[first] & 0xFF;
      if (col <= indent && (isIdentStart(c) || c == '@')) {
        return ls;
      }
    }
    return -1;
  }

  private int indentWidth(int lineStart) {
    int p = lineStart;
    while (p < n && (b[p] == ' ' || b[p] == '\t' || b[p] == '\f')) {
      p++;
    }
    return p - lineStart;
  }

  private void identifierOrString(int first, int tokStart) {
    int c = first;
    boolean sawB = false;
    boolean sawR = false;
    boolean sawU = false;
    boolean sawF = false;
    boolean sawT = false;
    for (; ; ) {
      if (!(sawB || sawU || sawF || sawT) && (c == 'b' || c == 'B')) {
        sawB = true;
      } else if (!(sawB || sawU || sawR || sawF || sawT) && (c == 'u' || c == 'U')) {
        sawU = true;
      } else if (!(sawR || sawU) && (c == 'r' || c == 'R')) {
        sawR = true;
      } else if (!(sawF || sawB || sawU || sawT) && (c == 'f' || c == 'F')) {
        sawF = true;
      } else if (!(sawT || sawB || sawU || sawF) && (c == 't' || c == 'T')) {
        sawT = true;
      } else {
        break;
      }
      c = nextc();
      if (c == '"' || c == '\'') {
        if (sawF || sawT) {
          fstringStart(c, tokStart, sawR, sawT);
        } else {
          string(c, tokStart);
        }
        return;
      }
    }
    boolean nonascii = false;
    while (isIdentChar(c)) {
      if (c >= 128) {
        nonascii = true;
      }
      c = nextc();
    }
    backup(c);
    if (nonascii && !verifyIdentifier(tokStart)) {
      return;
    }
    int t = NAME;
    int len = pos - tokStart;
    if (!nonascii && len >= 2 && len <= 8) {
      t = keyword(tokStart, len);
    }
    emit(t, tokStart, pos);
  }

  private int keyword(int s, int len) {
    for (int k = 0; k < KEYWORDS.length; k++) {
      String kw = KEYWORDS[k];
      if (kw.length() != len || kw.charAt(0) != b[s]) {
        continue;
      }
      boolean same = true;
      for (int i = 1; i < len; i++) {
        if (kw.charAt(i) != b[s + i]) {
          same = false;
          break;
        }
      }
      if (same) {
        return KW_FALSE + k;
      }
    }
    return NAME;
  }

  /** PEP 3131: the identifier must decode and consist of XID characters. */
  private boolean verifyIdentifier(int tokStart) {
    int[] cps = Utf8.decodeCodePoints(b, tokStart, pos);
    if (cps == null) {
      errors.add(
          new LexError(
              Utf8.decodeErrorMessage(b, tokStart, pos),
              lineOf(tokStart),
              tokStart + 1,
              tokStart + 1,
              SyntaxError.Kind.SYNTAX_ERROR,
              true));
      emit(ERRORTOKEN, tokStart, pos, errors.size() - 1);
      return false;
    }
    int bad = -1;
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      boolean ok = i == 0 ? Identifiers.isStart(cp) : Identifiers.isContinue(cp);
      if (!ok) {
        bad = i;
        break;
      }
    }
    if (bad < 0) {
      return true;
    }
    int cp = cps[bad];
    int cur = tokStart;
    for (int i = 0; i <= bad; i++) {
      cur += Utf8.length(cps[i]);
    }
    pos = cur;
    String msg =
        Identifiers.isPrintable(cp)
            ? String.format(
                "invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp)
            : String.format("invalid non-printable character U+%04X", cp);
    error(msg, cur);
    return false;
  }

  // ---- numbers ------------------------------------------------------------------------------

  private void number(int first, int tokStart, boolean afterDot) {
    int c = first;
    if (afterDot) {
      if (!fraction(c, tokStart)) {
        return;
      }
      return;
    }
    if (c == '0') {
      c = nextc();
      if (c == 'x' || c == 'X') {
        c = nextc();
        do {
          if (c == '_') {
            c = nextc();
          }
          if (!isHexDigit(c)) {
            backup(c);
            numberError("invalid hexadecimal literal");
            return;
          }
          do {
            c = nextc();
          } while (isHexDigit(c));
        } while (c == '_');
        if (!verifyEndOfNumber(c, "hexadecimal")) {
          return;
        }
      } else if (c == 'o' || c == 'O') {
        c = nextc();
        do {
          if (c == '_') {
            c = nextc();
          }
          if (c < '0' || c >= '8') {
            if (isDigit(c)) {
              numberError("invalid digit '" + (char) c + "' in octal literal");
            } else {
              backup(c);
              numberError("invalid octal literal");
            }
            return;
          }
          do {
            c = nextc();
          } while ('0' <= c && c < '8');
        } while (c == '_');
        if (isDigit(c)) {
          numberError("invalid digit '" + (char) c + "' in octal literal");
          return;
        }
        if (!verifyEndOfNumber(c, "octal")) {
          return;
        }
      } else if (c == 'b' || c == 'B') {
        c = nextc();
        do {
          if (c == '_') {
            c = nextc();
          }
          if (c != '0' && c != '1') {
            if (isDigit(c)) {
              numberError("invalid digit '" + (char) c + "' in binary literal");
            } else {
              backup(c);
              numberError("invalid binary literal");
            }
            return;
          }
          do {
            c = nextc();
          } while (c == '0' || c == '1');
        } while (c == '_');
        if (isDigit(c)) {
          numberError("invalid digit '" + (char) c + "' in binary literal");
          return;
        }
        if (!verifyEndOfNumber(c, "binary")) {
          return;
        }
      } else {
        boolean nonzero = false;
        for (; ; ) {
          if (c == '_') {
            c = nextc();
            if (!isDigit(c)) {
              backup(c);
              numberError("invalid decimal literal");
              return;
            }
          }
          if (c != '0') {
            break;
          }
          c = nextc();
        }
        int zerosEnd = pos;
        if (isDigit(c)) {
          nonzero = true;
          c = decimalTail();
          if (c == -2) {
            return;
          }
        }
        if (c == '.') {
          c = nextc();
          fraction(c, tokStart);
          return;
        } else if (c == 'e' || c == 'E') {
          exponent(c, tokStart);
          return;
        } else if (c == 'j' || c == 'J') {
          imaginary(tokStart);
          return;
        } else if (nonzero) {
          backup(c);
          int line = lineOf(tokStart);
          errors.add(
              new LexError(
                  "leading zeros in decimal integer literals are not permitted; "
                      + "use an 0o prefix for octal integers",
                  line,
                  tokStart + 1,
                  zerosEnd,
                  SyntaxError.Kind.SYNTAX_ERROR,
                  true));
          emit(ERRORTOKEN, tokStart, pos, errors.size() - 1);
          return;
        }
        if (!verifyEndOfNumber(c, "decimal")) {
          return;
        }
      }
    } else {
      c = decimalTail();
      if (c == -2) {
        return;
      }
      if (c == '.') {
        c = nextc();
        fraction(c, tokStart);
        return;
      }
      if (c == 'e' || c == 'E') {
        exponent(c, tokStart);
        return;
      }
      if (c == 'j' || c == 'J') {
        imaginary(tokStart);
        return;
      }
      if (!verifyEndOfNumber(c, "decimal")) {
        return;
      }
    }
    backup(c);
    emit(NUMBER, tokStart, pos);
  }

  /** After the dot of a float; {@code c} is the first character after it. */
  private boolean fraction(int c0, int tokStart) {
    int c = c0;
    if (isDigit(c)) {
      c = decimalTail();
      if (c == -2) {
        return false;
      }
    }
    if (c == 'e' || c == 'E') {
      exponent(c, tokStart);
      return true;
    }
    if (c == 'j' || c == 'J') {
      imaginary(tokStart);
      return true;
    }
    if (!verifyEndOfNumber(c, "decimal")) {
      return false;
    }
    backup(c);
    emit(NUMBER, tokStart, pos);
    return true;
  }

  private void exponent(int e, int tokStart) {
    int c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!isDigit(c)) {
        backup(c);
        numberError("invalid decimal literal");
        return;
      }
    } else if (!isDigit(c)) {
      backup(c);
      if (!verifyEndOfNumber(e, "decimal")) {
        return;
      }
      backup(e);
      emit(NUMBER, tokStart, pos);
      return;
    }
    c = decimalTail();
    if (c == -2) {
      return;
    }
    if (c == 'j' || c == 'J') {
      imaginary(tokStart);
      return;
    }
    if (!verifyEndOfNumber(c, "decimal")) {
      return;
    }
    backup(c);
    emit(NUMBER, tokStart, pos);
  }

  private void imaginary(int tokStart) {
    int c = nextc();
    if (!verifyEndOfNumber(c, "imaginary")) {
      return;
    }
    backup(c);
    emit(NUMBER, tokStart, pos);
  }

  /** Digits with single underscores between them; -2 after an error. */
  private int decimalTail() {
    int c;
    for (; ; ) {
      do {
        c = nextc();
      } while (isDigit(c));
      if (c != '_') {
        break;
      }
      c = nextc();
      if (!isDigit(c)) {
        backup(c);
        numberError("invalid decimal literal");
        return -2;
      }
    }
    return c;
  }

  /**
   * A number may be followed directly by a keyword that can follow it in valid code ({@code 1if x
   * else y}); any other letter is an error.
   */
  private boolean verifyEndOfNumber(int c, String kind) {
    boolean r =
        switch (c) {
          case 'a' -> lookahead("nd");
          case 'e' -> lookahead("lse");
          case 'f' -> lookahead("or");
          case 'i' -> {
            int c2 = peek();
            yield c2 == 'f' || c2 == 'n' || c2 == 's';
          }
          case 'o' -> lookahead("r");
          case 'n' -> lookahead("ot");
          default -> false;
        };
    if (r) {
      return true;
    }
    if (c != EOF && c < 128 && isIdentChar(c)) {
      backup(c);
      numberError("invalid " + kind + " literal");
      return false;
    }
    return true;
  }

  private boolean lookahead(String rest) {
    int p = pos;
    for (int i = 0; i < rest.length(); i++) {
      if (p >= n || b[p] != rest.charAt(i)) {
        return false;
      }
      p++;
    }
    return p >= n || !isIdentChar(b[p] & 0xFF);
  }

  /** Reports a malformed number at the current position and skips the rest of it. */
  private void numberError(String message) {
    int at = Math.min(pos, lineEndOf(Math.max(0, pos - 1)));
    int line = lineOf(Math.max(0, at - 1));
    errors.add(new LexError(message, line, at, at, SyntaxError.Kind.SYNTAX_ERROR, true));
    int s = pos;
    while (pos < n && (isIdentChar(b[pos] & 0xFF) || b[pos] == '.')) {
      pos++;
    }
    emit(ERRORTOKEN, s, Math.max(s, pos), errors.size() - 1);
  }

  private int lineEndOf(int off) {
    int p = off;
    while (p < n && b[p] != '\n') {
      p++;
    }
    return p;
  }

  // ---- strings ------------------------------------------------------------------------------

  private void string(int quote, int tokStart) {
    int quoteSize = 1;
    int endQuoteSize = 0;
    boolean hasEscapedQuote = false;
    int c = nextc();
    if (c == quote) {
      c = nextc();
      if (c == quote) {
        quoteSize = 3;
      } else {
        endQuoteSize = 1;
      }
    }
    if (c != quote) {
      backup(c);
    }
    while (endQuoteSize != quoteSize) {
      c = nextc();
      if (c == EOF || (quoteSize == 1 && c == '\n')) {
        int detected = lineOf(Math.min(pos - 1, n - 1));
        if (c == EOF) {
          detected = lineOf(Math.max(0, n - 1));
        }
        if (insideFstring()) {
          Mode enclosing = mode();
          if (enclosing.quote == quote && enclosing.quoteSize == quoteSize) {
            unterminated(tokStart, "f-string: expecting '}'", quoteSize == 1 && c == '\n');
            return;
          }
        }
        String msg;
        if (quoteSize == 3) {
          msg = "unterminated triple-quoted string literal (detected at line " + detected + ")";
        } else if (hasEscapedQuote) {
          msg =
              "unterminated string literal (detected at line "
                  + detected
                  + "); perhaps you escaped the end quote?";
        } else {
          msg = "unterminated string literal (detected at line " + detected + ")";
        }
        unterminated(tokStart, msg, quoteSize == 1 && c == '\n');
        return;
      }
      if (c == quote) {
        endQuoteSize++;
      } else {
        endQuoteSize = 0;
        if (c == '\\') {
          c = nextc();
          if (c == quote) {
            hasEscapedQuote = true;
          }
        }
      }
    }
    emit(STRING, tokStart, pos);
  }

  /**
   * An unterminated string: the error points at its first character. A one-line string resumes at
   * its line end; anything else swallows the rest of the file.
   */
  private void unterminated(int tokStart, String msg, boolean atNewline) {
    int line = lineOf(tokStart);
    errors.add(
        new LexError(msg, line, tokStart + 1, tokStart + 1, SyntaxError.Kind.SYNTAX_ERROR, true));
    if (atNewline) {
      pos = pos - 1;
    } else {
      pos = n;
    }
    emit(ERRORTOKEN, tokStart, pos, errors.size() - 1);
    if (!atNewline) {
      modeIndex = 0;
      level = 0;
    }
  }

  private void fstringStart(int quote, int tokStart, boolean raw, boolean template) {
    int quoteSize = 1;
    int afterQuote = nextc();
    if (afterQuote == quote) {
      int afterAfter = nextc();
      if (afterAfter == quote) {
        quoteSize = 3;
      } else {
        backup(afterAfter);
        backup(afterQuote);
      }
    }
    if (afterQuote != quote) {
      backup(afterQuote);
    }
    if (modeIndex + 1 >= MAX_FSTRING_LEVEL) {
      error(template ? "too many nested t-strings" : "too many nested f-strings", pos);
      return;
    }
    Mode m = modes[++modeIndex];
    if (m == null) {
      m = new Mode();
      modes[modeIndex] = m;
    }
    m.inString = true;
    m.quote = quote;
    m.quoteSize = quoteSize;
    m.raw = raw;
    m.template = template;
    m.start = tokStart;
    m.curlyDepth = 0;
    m.exprStartDepth = -1;
    m.inFormatSpec = false;
    emit(template ? TSTRING_START : FSTRING_START, tokStart, pos);
  }

  private void fstringMode(Mode cur) {
    int tokStart = pos;
    int startChar = nextc();
    if (startChar == '{') {
      int peek1 = nextc();
      backup(peek1);
      backup(startChar);
      if (peek1 != '{') {
        cur.exprStartDepth++;
        if (cur.exprStartDepth >= MAX_EXPR_NESTING) {
          fstringError(kindName(cur) + ": expressions nested too deeply", pos + 1);
          return;
        }
        cur.inString = false;
        normalMode(cur);
        return;
      }
    } else {
      backup(startChar);
    }
    boolean atEnd = true;
    for (int i = 0; i < cur.quoteSize; i++) {
      int q = nextc();
      if (q != cur.quote) {
        backup(q);
        pos = tokStart;
        atEnd = false;
        break;
      }
    }
    if (atEnd) {
      modeIndex--;
      emit(cur.template ? TSTRING_END : FSTRING_END, tokStart, pos);
      return;
    }
    int middle = cur.template ? TSTRING_MIDDLE : FSTRING_MIDDLE;
    int endQuoteSize = 0;
    boolean unicodeEscape = false;
    while (endQuoteSize != cur.quoteSize) {
      int c = nextc();
      boolean inFormatSpec = cur.inFormatSpec && cur.exprStartDepth >= 0;
      if (c == EOF || (cur.quoteSize == 1 && c == '\n')) {
        if (inFormatSpec && c == '\n') {
          backup(c);
          cur.inString = false;
          cur.inFormatSpec = false;
          emitMiddle(middle, tokStart, pos, pos);
          return;
        }
        int detected = lineOf(c == EOF ? Math.max(0, n - 1) : pos - 1);
        String what = cur.template ? "t-string" : "f-string";
        String msg =
            cur.quoteSize == 3
                ? "unterminated triple-quoted "
                    + what
                    + " literal (detected at line "
                    + detected
                    + ")"
                : "unterminated " + what + " literal (detected at line " + detected + ")";
        int fstart = cur.start;
        modeIndex = 0;
        level = 0;
        unterminated(fstart, msg, c == '\n');
        return;
      }
      if (c == cur.quote) {
        endQuoteSize++;
        continue;
      }
      endQuoteSize = 0;
      if (c == '{') {
        int peek = nextc();
        if (peek != '{' || inFormatSpec) {
          backup(peek);
          backup(c);
          cur.exprStartDepth++;
          if (cur.exprStartDepth >= MAX_EXPR_NESTING) {
            fstringError(kindName(cur) + ": expressions nested too deeply", pos + 1);
            return;
          }
          cur.inString = false;
          cur.inFormatSpec = false;
          emitMiddle(middle, tokStart, pos, pos);
        } else {
          emitMiddle(middle, tokStart, pos, pos - 1);
        }
        return;
      } else if (c == '}') {
        if (unicodeEscape) {
          emitMiddle(middle, tokStart, pos, pos);
          return;
        }
        int peek = nextc();
        if (peek == '}' && !inFormatSpec && cur.curlyDepth == 0) {
          emitMiddle(middle, tokStart, pos, pos - 1);
        } else {
          backup(peek);
          backup(c);
          cur.inString = false;
          cur.inFormatSpec = false;
          emitMiddle(middle, tokStart, pos, pos);
        }
        return;
      } else if (c == '\\') {
        int peek = nextc();
        if (peek == '{' || peek == '}') {
          backup(peek);
          continue;
        }
        if (!cur.raw && peek == 'N') {
          int p2 = nextc();
          if (p2 == '{') {
            unicodeEscape = true;
          } else {
            backup(p2);
          }
        }
      }
    }
    for (int i = 0; i < cur.quoteSize; i++) {
      pos--;
    }
    emitMiddle(middle, tokStart, pos, pos);
  }

  private static String kindName(Mode m) {
    return m.template ? "t-string" : "f-string";
  }

  /** Empty middles carry no text and no position of their own; CPython's parser drops them too. */
  private void emitMiddle(int t, int s, int e, int textEnd) {
    if (e > s) {
      emit(t, s, e, textEnd);
    }
  }

  /** An error inside an f-string: give up on the string and resume at the end of its line. */
  private void fstringError(String message, int at) {
    error(message, at);
    modeIndex = 0;
    level = 0;
    pos = lineEndOf(Math.min(pos, n));
  }

  // ---- operators ----------------------------------------------------------------------------

  private void operator(Mode cur, int c, int tokStart) {
    boolean punctuation = c == ':' || c == '}' || c == '!' || c == '{';
    if (punctuation && insideFstring() && cur.exprStartDepth >= 0) {
      int cursor = cur.curlyDepth - (c != '{' ? 1 : 0);
      if (c == ':' && cursor == cur.exprStartDepth) {
        cur.inString = true;
        cur.inFormatSpec = true;
        emit(COLON, tokStart, pos);
        return;
      }
    }
    int c2 = nextc();
    int two = twoChars(c, c2);
    if (two >= 0) {
      int c3 = nextc();
      int three = threeChars(c, c2, c3);
      if (three >= 0) {
        two = three;
      } else {
        backup(c3);
      }
      emit(two, tokStart, pos);
      return;
    }
    backup(c2);
    switch (c) {
      case '(', '[', '{' -> {
        if (level >= MAX_LEVEL) {
          error("too many nested parentheses", pos);
          return;
        }
        parenstack[level] = c;
        parenoffset[level] = tokStart;
        level++;
        if (insideFstring()) {
          cur.curlyDepth++;
        }
      }
      case ')', ']', '}' -> {
        if (insideFstring() && cur.curlyDepth == 0 && c == '}') {
          fstringError(kindName(cur) + ": single '}' is not allowed", pos);
          return;
        }
        if (level == 0) {
          error("unmatched '" + (char) c + "'", pos);
          return;
        }
        level--;
        int opening = parenstack[level];
        if (!((opening == '(' && c == ')')
            || (opening == '[' && c == ']')
            || (opening == '{' && c == '}'))) {
          if (insideFstring() && opening == '{') {
            int previous = cur.curlyDepth - 1;
            if (previous == cur.exprStartDepth) {
              fstringError(kindName(cur) + ": unmatched '" + (char) c + "'", pos);
              return;
            }
          }
          int openLine = lineOf(parenoffset[level]);
          if (openLine != lineOf(tokStart)) {
            error(
                "closing parenthesis '"
                    + (char) c
                    + "' does not match opening parenthesis '"
                    + (char) opening
                    + "' on line "
                    + openLine,
                pos);
          } else {
            error(
                "closing parenthesis '"
                    + (char) c
                    + "' does not match opening parenthesis '"
                    + (char) opening
                    + "'",
                pos);
          }
          return;
        }
        if (insideFstring()) {
          cur.curlyDepth--;
          if (cur.curlyDepth < 0) {
            fstringError(kindName(cur) + ": unmatched '" + (char) c + "'", pos);
            return;
          }
          if (c == '}' && cur.curlyDepth == cur.exprStartDepth) {
            cur.exprStartDepth--;
            cur.inString = true;
            cur.inFormatSpec = false;
          }
        }
      }
      default -> {}
    }
    if (c < 32 || c == 127) {
      error(String.format("invalid non-printable character U+%04X", c), pos);
      return;
    }
    int t = oneChar(c);
    emit(t, tokStart, pos);
  }

  private static int oneChar(int c) {
    return switch (c) {
      case '%' -> PERCENT;
      case '&' -> AMPER;
      case '(' -> LPAR;
      case ')' -> RPAR;
      case '*' -> STAR;
      case '+' -> PLUS;
      case ',' -> COMMA;
      case '-' -> MINUS;
      case '.' -> DOT;
      case '/' -> SLASH;
      case ':' -> COLON;
      case ';' -> SEMI;
      case '<' -> LESS;
      case '=' -> EQUAL;
      case '>' -> GREATER;
      case '@' -> AT;
      case '[' -> LSQB;
      case ']' -> RSQB;
      case '^' -> CIRCUMFLEX;
      case '{' -> LBRACE;
      case '|' -> VBAR;
      case '}' -> RBRACE;
      case '~' -> TILDE;
      case '!' -> EXCLAMATION;
      default -> UNKNOWN;
    };
  }

  private static int twoChars(int c1, int c2) {
    return switch (c1) {
      case '!' -> c2 == '=' ? NOTEQUAL : -1;
      case '%' -> c2 == '=' ? PERCENTEQUAL : -1;
      case '&' -> c2 == '=' ? AMPEREQUAL : -1;
      case '*' -> c2 == '*' ? DOUBLESTAR : c2 == '=' ? STAREQUAL : -1;
      case '+' -> c2 == '=' ? PLUSEQUAL : -1;
      case '-' -> c2 == '=' ? MINEQUAL : c2 == '>' ? RARROW : -1;
      case '/' -> c2 == '/' ? DOUBLESLASH : c2 == '=' ? SLASHEQUAL : -1;
      case ':' -> c2 == '=' ? COLONEQUAL : -1;
      case '<' -> c2 == '<' ? LEFTSHIFT : c2 == '=' ? LESSEQUAL : c2 == '>' ? LTGT : -1;
      case '=' -> c2 == '=' ? EQEQUAL : -1;
      case '>' -> c2 == '=' ? GREATEREQUAL : c2 == '>' ? RIGHTSHIFT : -1;
      case '@' -> c2 == '=' ? ATEQUAL : -1;
      case '^' -> c2 == '=' ? CIRCUMFLEXEQUAL : -1;
      case '|' -> c2 == '=' ? VBAREQUAL : -1;
      default -> -1;
    };
  }

  private static int threeChars(int c1, int c2, int c3) {
    if (c3 != '=') {
      if (c1 == '.' && c2 == '.' && c3 == '.') {
        return ELLIPSIS;
      }
      return -1;
    }
    if (c1 == '*' && c2 == '*') {
      return DOUBLESTAREQUAL;
    }
    if (c1 == '/' && c2 == '/') {
      return DOUBLESLASHEQUAL;
    }
    if (c1 == '<' && c2 == '<') {
      return LEFTSHIFTEQUAL;
    }
    if (c1 == '>' && c2 == '>') {
      return RIGHTSHIFTEQUAL;
    }
    return -1;
  }
}
