package dev.ftscout.python;

import static dev.ftscout.python.Lexer.*;

import dev.ftscout.python.tree.Alias;
import dev.ftscout.python.tree.Arg;
import dev.ftscout.python.tree.Arguments;
import dev.ftscout.python.tree.BoolOperator;
import dev.ftscout.python.tree.CmpOperator;
import dev.ftscout.python.tree.Comprehension;
import dev.ftscout.python.tree.ConstantValue;
import dev.ftscout.python.tree.ExceptHandler;
import dev.ftscout.python.tree.ExprContext;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Keyword;
import dev.ftscout.python.tree.MatchCase;
import dev.ftscout.python.tree.Module;
import dev.ftscout.python.tree.Operator;
import dev.ftscout.python.tree.Pattern;
import dev.ftscout.python.tree.Span;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.TypeParam;
import dev.ftscout.python.tree.UnaryOperator;
import dev.ftscout.python.tree.WithItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for the Python 3.8–3.14 grammar ({@code Grammar/python.gram}) over the
 * tokens of a {@link Lexer}. It builds the same tree CPython's PEG parser builds, positions
 * included: a node spans from the first token of its grammar rule to the last non-whitespace token
 * the rule consumed.
 *
 * <p>On a syntax error in a statement it records the error, skips to the next logical line and goes
 * on, so the result holds every statement that did parse.
 */
final class Parser {
  /** How deep expressions and blocks may nest before the parser gives up, as CPython does. */
  private static final int MAX_DEPTH = 1000;

  /** A syntax error; thrown to abandon the current statement. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int col;
    final int endLine;
    final int endCol;
    final SyntaxError.Kind kind;

    /** Index into the lexer's errors when the failure is a lexical error, else -1. */
    final int lexError;

    final String text;

    /** CPython reports INDENT, DEDENT and ENDMARKER positions without its usual +1. */
    boolean raw;

    Failure(
        String message,
        int line,
        int col,
        int endLine,
        int endCol,
        SyntaxError.Kind kind,
        int lexError) {
      super(message, null, false, false);
      this.text = message;
      this.line = line;
      this.col = col;
      this.endLine = endLine;
      this.endCol = endCol;
      this.kind = kind;
      this.lexError = lexError;
    }
  }

  /** A parse error to report: byte columns (0-based) and CPython's message. */
  record Problem(
      String message,
      int line,
      int col,
      int endLine,
      int endCol,
      SyntaxError.Kind kind,
      boolean generic,
      boolean raw,
      int furthestLine,
      int furthestEnd) {}

  private final Lexer lx;
  private final byte[] src;
  private final int[] type;
  private final int[] sline;
  private final int[] scol;
  private final int[] eline;
  private final int[] ecol;
  private final int ntok;
  private final PythonVersion target;
  private int p;
  private int depth;
  private int speculating;
  private final List<Problem> problems = new ArrayList<>();
  private List<Problem> pendingVersionProblems = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();

  /** Furthest token the parser looked at, for CPython's "invalid syntax" location. */
  private int furthest;

  Parser(Lexer lx, PythonVersion target) {
    this.lx = lx;
    this.src = lx.bytes();
    this.type = lx.type;
    this.ntok = lx.count;
    this.target = target;
    this.sline = new int[ntok];
    this.scol = new int[ntok];
    this.eline = new int[ntok];
    this.ecol = new int[ntok];
    int line = 1;
    int[] starts = lx.lineStarts;
    int lines = lx.lineCount;
    for (int i = 0; i < ntok; i++) {
      int s = lx.start[i];
      int e = lx.end[i];
      line = lineAt(starts, lines, line, s);
      sline[i] = line;
      scol[i] = s - starts[line - 1];
      int el = lineAt(starts, lines, line, e);
      // An end offset at the very start of a line belongs to that line, as in CPython.
      eline[i] = el;
      ecol[i] = e - starts[el - 1];
    }
  }

  private static int lineAt(int[] starts, int lines, int guess, int off) {
    int l = guess;
    while (l < lines && starts[l] <= off) {
      l++;
    }
    while (l > 1 && starts[l - 1] > off) {
      l--;
    }
    return l;
  }

  List<Problem> problems() {
    return problems;
  }

  // ---- token helpers ------------------------------------------------------------------------

  private int t() {
    if (p > furthest) {
      furthest = p;
    }
    return type[p];
  }

  private int t(int ahead) {
    int i = Math.min(p + ahead, ntok - 1);
    if (i > furthest) {
      furthest = i;
    }
    return type[i];
  }

  private boolean at(int tt) {
    return t() == tt;
  }

  private boolean atName(String s) {
    return t() == NAME && nameIs(p, s);
  }

  private boolean nameIs(int i, String s) {
    int st = lx.start[i];
    int len = lx.end[i] - st;
    if (type[i] != NAME || len != s.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (src[st + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean accept(int tt) {
    if (t() == tt) {
      p++;
      return true;
    }
    return false;
  }

  private int expect(int tt) {
    if (t() != tt) {
      throw unexpected();
    }
    return p++;
  }

  /** CPython's {@code &&token}: a missing token is "expected 'x'" at the token found instead. */
  private int expectForced(int tt, String text) {
    if (t() != tt) {
      if (type[p] == ERRORTOKEN) {
        throw lexFailure(p);
      }
      throw failAt(p, "expected '" + text + "'");
    }
    return p++;
  }

  private String name(int i) {
    String raw = lx.text(i);
    String id = Identifiers.normalize(raw);
    String interned = names.putIfAbsent(id, id);
    return interned == null ? id : interned;
  }

  private int expectName() {
    if (t() != NAME) {
      throw unexpected();
    }
    return p++;
  }

  /** Index of the last token consumed that is not NEWLINE/INDENT/DEDENT/ENDMARKER. */
  private int lastTok() {
    int i = p - 1;
    while (i > 0) {
      int tt = type[i];
      if (tt != NEWLINE && tt != INDENT && tt != DEDENT && tt != ENDMARKER) {
        break;
      }
      i--;
    }
    return i;
  }

  private Span span(int startTok) {
    int e = lastTok();
    return new Span(sline[startTok], scol[startTok], eline[e], ecol[e]);
  }

  private Span tokSpan(int i) {
    return new Span(sline[i], scol[i], eline[i], ecol[i]);
  }

  private Span tokSpan(int from, int to) {
    return new Span(sline[from], scol[from], eline[to], ecol[to]);
  }

  // ---- errors -------------------------------------------------------------------------------

  private Failure lexFailure(int i) {
    int idx = lx.aux[i];
    Lexer.LexError e = lx.errors.get(idx);
    return new Failure(e.message(), e.line(), 0, e.line(), 0, e.kind(), idx);
  }

  /** "invalid syntax" at the current token, or the lexical error if the token is one. */
  private Failure unexpected() {
    int i = p;
    if (type[i] == ERRORTOKEN) {
      return lexFailure(i);
    }
    if (type[i] == INDENT) {
      return failTok(i, "unexpected indent", SyntaxError.Kind.INDENTATION_ERROR);
    }
    if (type[i] == DEDENT) {
      return failTok(i, "unexpected unindent", SyntaxError.Kind.INDENTATION_ERROR);
    }
    return genericAt(i);
  }

  /** An error at token {@code i}, positioned as CPython positions errors at tokens. */
  private Failure failTok(int i, String message, SyntaxError.Kind kind) {
    if (type[i] == ERRORTOKEN) {
      return lexFailure(i);
    }
    int tt = type[i];
    if (tt == INDENT || tt == DEDENT || tt == ENDMARKER) {
      int col = tt == INDENT ? ecol[i] : scol[i];
      Failure f = new Failure(message, eline[i], col, eline[i], col, kind, -1);
      f.raw = true;
      return f;
    }
    return new Failure(message, sline[i], scol[i], eline[i], ecol[i], kind, -1);
  }

  private Failure genericAt(int i) {
    Failure f = failTok(i, "invalid syntax", SyntaxError.Kind.SYNTAX_ERROR);
    if (f.lexError >= 0) {
      return f;
    }
    Failure g = new Failure(f.text, f.line, f.col, f.endLine, f.endCol, f.kind, -2);
    g.raw = f.raw;
    return g;
  }

  private Failure failAt(int i, String message) {
    return failTok(i, message, SyntaxError.Kind.SYNTAX_ERROR);
  }

  private Failure failRange(int from, int to, String message) {
    return new Failure(
        message, sline[from], scol[from], eline[to], ecol[to], SyntaxError.Kind.SYNTAX_ERROR, -1);
  }

  private Failure failSpan(Span s, String message) {
    return new Failure(
        message,
        s.lineno(),
        s.colOffset(),
        s.endLineno(),
        s.endColOffset(),
        SyntaxError.Kind.SYNTAX_ERROR,
        -1);
  }

  private Failure failSpanRange(Span a, Span b, String message) {
    return new Failure(
        message,
        a.lineno(),
        a.colOffset(),
        b.endLineno(),
        b.endColOffset(),
        SyntaxError.Kind.SYNTAX_ERROR,
        -1);
  }

  private Failure indentationFailure(String message) {
    return failTok(p, message, SyntaxError.Kind.INDENTATION_ERROR);
  }

  /** Syntax the target version does not have yet; reported, but the tree is still built. */
  private void requires(PythonVersion version, String feature, Span where) {
    if (target.atLeast(version)) {
      return;
    }
    Problem problem =
        new Problem(
            feature
                + " requires Python "
                + version
                + " or newer (target version is "
                + target
                + ")",
            where.lineno(),
            where.colOffset(),
            where.endLineno(),
            where.endColOffset(),
            SyntaxError.Kind.SYNTAX_ERROR,
            false,
            false,
            0,
            0);
    if (speculating > 0) {
      pendingVersionProblems.add(problem);
    } else {
      problems.add(problem);
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      depth = 0;
      throw new Failure(
          "too many nested expressions or blocks: source too complex to parse",
          sline[p],
          scol[p],
          eline[p],
          ecol[p],
          SyntaxError.Kind.SYNTAX_ERROR,
          -1);
    }
  }

  private void leave() {
    depth--;
  }

  /** Runs {@code rule}; on failure rewinds and returns null. */
  private <T> @Nullable T speculate(Supplier<T> rule) {
    int saved = p;
    int savedDepth = depth;
    List<Problem> outer = pendingVersionProblems;
    pendingVersionProblems = new ArrayList<>();
    speculating++;
    try {
      T result = rule.get();
      speculating--;
      if (speculating > 0) {
        outer.addAll(pendingVersionProblems);
      } else {
        problems.addAll(pendingVersionProblems);
      }
      pendingVersionProblems = outer;
      return result;
    } catch (Failure f) {
      speculating--;
      pendingVersionProblems = outer;
      p = saved;
      depth = savedDepth;
      return null;
    }
  }

  // ---- module and statements ----------------------------------------------------------------

  Module parseModule() {
    List<Statement> body = new ArrayList<>();
    while (type[p] != ENDMARKER) {
      statementWithRecovery(body, false);
    }
    return new Module(body);
  }

  private void statementWithRecovery(List<Statement> out, boolean inBlock) {
    try {
      if (type[p] == INDENT) {
        throw unexpected();
      }
      statement(out);
    } catch (Failure f) {
      record(f);
      recover(inBlock);
    }
  }

  private void record(Failure f) {
    int far = Math.min(furthest, ntok - 1);
    if (f.lexError >= 0) {
      problems.add(
          new Problem(
              f.text,
              f.line,
              -1 - f.lexError,
              f.endLine,
              0,
              f.kind,
              false,
              false,
              sline[far],
              lx.end[far]));
      return;
    }
    problems.add(
        new Problem(
            f.text,
            f.line,
            f.col,
            f.endLine,
            f.endCol,
            f.kind,
            f.lexError == -2,
            f.raw,
            sline[far],
            lx.end[far]));
  }

  /**
   * Skips the rest of a broken logical line; if an indented block follows (the line was a block
   * header), skips that block too, because its statements would otherwise land in the wrong scope.
   */
  private void recover(boolean inBlock) {
    depth = 0;
    while (type[p] != NEWLINE && type[p] != ENDMARKER) {
      if (type[p] == DEDENT && inBlock) {
        return;
      }
      if (type[p] == INDENT) {
        break;
      }
      p++;
    }
    if (type[p] == NEWLINE) {
      p++;
    }
    if (type[p] == INDENT) {
      int nesting = 0;
      do {
        if (type[p] == INDENT) {
          nesting++;
        } else if (type[p] == DEDENT) {
          nesting--;
        }
        p++;
      } while (nesting > 0 && type[p] != ENDMARKER);
    }
  }

  private void statement(List<Statement> out) {
    switch (t()) {
      case KW_DEF -> out.add(functionDef(p, List.of()));
      case AT -> out.add(decorated());
      case KW_CLASS -> out.add(classDef(p, List.of()));
      case KW_IF -> out.add(ifStatement());
      case KW_WHILE -> out.add(whileStatement());
      case KW_FOR -> out.add(forStatement(p, false));
      case KW_TRY -> out.add(tryStatement());
      case KW_WITH -> out.add(withStatement(p, false));
      case KW_ASYNC -> {
        int s = p;
        int next = t(1);
        if (next == KW_DEF) {
          out.add(functionDef(s, List.of()));
        } else if (next == KW_FOR) {
          p++;
          out.add(forStatement(s, true));
        } else if (next == KW_WITH) {
          p++;
          out.add(withStatement(s, true));
        } else {
          p++;
          throw unexpected();
        }
      }
      case NAME -> {
        if (atName("match") && mayStartMatch()) {
          Statement m = matchStatement();
          if (m != null) {
            out.add(m);
            return;
          }
          int start = p;
          try {
            simpleStatements(out);
          } catch (Failure f) {
            p = start;
            missingMatchColon();
            throw f;
          }
          return;
        }
        simpleStatements(out);
      }
      default -> simpleStatements(out);
    }
  }

  private void simpleStatements(List<Statement> out) {
    for (; ; ) {
      out.add(simpleStatement());
      if (accept(SEMI)) {
        if (at(NEWLINE)) {
          p++;
          return;
        }
        continue;
      }
      if (at(NEWLINE)) {
        p++;
        return;
      }
      if (at(ENDMARKER)) {
        return;
      }
      throw unexpected();
    }
  }

  private Statement simpleStatement() {
    int s = p;
    return switch (t()) {
      case KW_PASS -> {
        p++;
        yield new Statement.Pass(span(s));
      }
      case KW_BREAK -> {
        p++;
        yield new Statement.Break(span(s));
      }
      case KW_CONTINUE -> {
        p++;
        yield new Statement.Continue(span(s));
      }
      case KW_RETURN -> {
        p++;
        Optional<Expression> value = Optional.empty();
        if (startsExpression(t())) {
          value = Optional.of(starExpressions());
        }
        yield new Statement.Return(value, span(s));
      }
      case KW_RAISE -> raiseStatement();
      case KW_GLOBAL, KW_NONLOCAL -> {
        boolean global = t() == KW_GLOBAL;
        p++;
        List<String> ids = new ArrayList<>();
        ids.add(name(expectName()));
        while (accept(COMMA)) {
          ids.add(name(expectName()));
        }
        yield global ? new Statement.Global(ids, span(s)) : new Statement.Nonlocal(ids, span(s));
      }
      case KW_DEL -> delStatement();
      case KW_ASSERT -> {
        p++;
        Expression test = expression();
        Optional<Expression> msg = Optional.empty();
        if (accept(COMMA)) {
          msg = Optional.of(expression());
        }
        if (at(EQUAL) || at(COLONEQUAL)) {
          throw unexpected();
        }
        yield new Statement.Assert(test, msg, span(s));
      }
      case KW_IMPORT -> importName();
      case KW_FROM -> importFrom();
      case NAME -> {
        if (atName("type") && t(1) == NAME && (t(2) == EQUAL || t(2) == LSQB)) {
          yield typeAlias();
        }
        yield expressionStatement();
      }
      default -> expressionStatement();
    };
  }

  private Statement raiseStatement() {
    int s = p;
    p++;

    if (!startsExpression(t())) {
      return new Statement.Raise(Optional.empty(), Optional.empty(), span(s));
    }
    Expression exc = expression();
    Optional<Expression> cause = Optional.empty();
    if (accept(KW_FROM)) {

      cause = Optional.of(expression());
    }
    return new Statement.Raise(Optional.of(exc), cause, span(s));
  }

  private Statement delStatement() {
    int s = p;
    p++;
    List<Expression> targets = new ArrayList<>();
    do {
      if (at(NEWLINE) || at(SEMI)) {
        break;
      }
      targets.add(toTarget(starNamedExpressionOrStar(), ExprContext.DEL));
    } while (accept(COMMA));
    if (targets.isEmpty()) {
      throw unexpected();
    }
    if (!at(NEWLINE) && !at(SEMI) && !at(ENDMARKER)) {
      throw unexpected();
    }
    return new Statement.Delete(targets, span(s));
  }

  private Expression starNamedExpressionOrStar() {
    if (at(STAR)) {
      int s = p;
      p++;
      Expression v = bitwiseOr();
      return new Expression.Starred(v, ExprContext.LOAD, span(s));
    }
    return expression();
  }

  private Statement typeAlias() {
    int s = p;
    p++;
    int n = expectName();
    Expression name = new Expression.Name(name(n), ExprContext.STORE, tokSpan(n));
    List<TypeParam> params = at(LSQB) ? typeParams() : List.of();
    expect(EQUAL);
    Expression value = expression();
    Span sp = span(s);
    requires(PythonVersion.PY312, "type statement", sp);
    return new Statement.TypeAlias(name, params, value, sp);
  }

  private Statement importName() {
    int s = p;
    p++;
    if (at(NEWLINE)) {
      throw failAt(p, "Expected one or more names after 'import'");
    }
    List<Alias> aliases = new ArrayList<>();
    do {
      int a = p;
      String dotted = dottedName();
      Optional<String> as = Optional.empty();
      if (accept(KW_AS)) {
        as = Optional.of(name(expectName()));
      }
      aliases.add(new Alias(dotted, as, span(a)));
    } while (accept(COMMA));
    if (at(KW_FROM)) {
      throw failRange(s, p, "Did you mean to use 'from ... import ...' instead?");
    }
    return new Statement.Import(aliases, span(s));
  }

  private String dottedName() {
    StringBuilder sb = new StringBuilder(name(expectName()));
    while (at(DOT)) {
      p++;
      sb.append('.').append(name(expectName()));
    }
    return sb.toString();
  }

  private Statement importFrom() {
    int s = p;
    p++;
    int level = 0;
    while (at(DOT) || at(ELLIPSIS)) {
      level += at(DOT) ? 1 : 3;
      p++;
    }
    Optional<String> module = Optional.empty();
    if (!at(KW_IMPORT)) {
      module = Optional.of(dottedName());
    } else if (level == 0) {
      throw unexpected();
    }
    expect(KW_IMPORT);
    List<Alias> aliases = new ArrayList<>();
    if (at(STAR)) {
      int a = p++;
      aliases.add(new Alias("*", Optional.empty(), tokSpan(a)));
    } else if (at(LPAR)) {
      p++;
      do {
        if (at(RPAR) && !aliases.isEmpty()) {
          break;
        }
        aliases.add(importAsName());
      } while (accept(COMMA));
      expect(RPAR);
    } else {
      if (at(NEWLINE)) {
        throw failAt(p, "Expected one or more names after 'import'");
      }
      aliases.add(importAsName());
      while (accept(COMMA)) {
        if (at(NEWLINE)) {
          throw failAt(p, "trailing comma not allowed without surrounding parentheses");
        }
        aliases.add(importAsName());
      }
    }
    return new Statement.ImportFrom(module, aliases, level, span(s));
  }

  private Alias importAsName() {
    int a = p;
    String n = name(expectName());
    Optional<String> as = Optional.empty();
    if (accept(KW_AS)) {
      as = Optional.of(name(expectName()));
    }
    return new Alias(n, as, span(a));
  }

  /** Expression statements, assignments, annotated and augmented assignments. */
  private Statement expressionStatement() {
    int s = p;
    if (at(KW_YIELD)) {
      Expression y = yieldExpression();
      if (at(EQUAL)) {
        throw failSpan(y.span(), "assignment to yield expression not possible");
      }
      return new Statement.Expr(y, span(s));
    }
    Expression first = starExpressions();
    int tt = t();
    if (tt == COLON) {
      return annotatedAssignment(s, first);
    }
    if (tt == EQUAL) {
      List<Expression> targets = new ArrayList<>();
      Expression value = first;
      while (accept(EQUAL)) {
        if (value instanceof Expression.Yield || value instanceof Expression.YieldFrom) {
          throw failSpan(value.span(), "assignment to yield expression not possible");
        }
        if (targets.isEmpty()) {
          checkAssignHere(s, value);
        }
        targets.add(toTarget(value, ExprContext.STORE));
        value = at(KW_YIELD) ? yieldExpression() : starExpressions();
      }
      return new Statement.Assign(targets, value, span(s));
    }
    Operator aug = augOperator(tt);
    if (aug != null) {
      if (!(first instanceof Expression.Name
          || first instanceof Expression.Attribute
          || first instanceof Expression.Subscript)) {
        throw failSpan(
            first.span(),
            "'" + exprName(first) + "' is an illegal expression for augmented assignment");
      }
      Expression target = setContext(first, ExprContext.STORE);
      p++;
      Expression value = at(KW_YIELD) ? yieldExpression() : starExpressions();
      return new Statement.AugAssign(target, aug, value, span(s));
    }
    if (!endsSimpleStatement(tt)) {
      throw afterExpression(s, first);
    }
    return new Statement.Expr(first, span(s));
  }

  private static boolean endsSimpleStatement(int tt) {
    return tt == NEWLINE || tt == SEMI || tt == ENDMARKER;
  }

  /** The error for a token that cannot follow a complete expression statement. */
  private Failure afterExpression(int s, Expression first) {
    if (type[p] == ERRORTOKEN) {
      return lexFailure(p);
    }
    if (first instanceof Expression.Name n
        && (n.id().equals("print") || n.id().equals("exec"))
        && sline[s] == sline[p]
        && startsExpression(type[p])
        && type[p] != LPAR) {
      Expression rest = speculate(this::starExpressions);
      if (rest != null) {
        return failSpanRange(
            first.span(),
            rest.span(),
            "Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?");
      }
    }
    if (type[p] == COLONEQUAL) {
      return unexpected();
    }
    return unexpected();
  }

  private Statement annotatedAssignment(int s, Expression target) {
    if (target instanceof Expression.Tuple tu
        && scol[s] == tu.span().colOffset()
        && sline[s] == tu.span().lineno()
        && !(type[s] == LPAR)) {
      throw failSpan(tu.elts().get(0).span(), "only single target (not tuple) can be annotated");
    }
    boolean parenthesized =
        !(sline[s] == target.span().lineno() && scol[s] == target.span().colOffset());
    if (target instanceof Expression.Tuple) {
      throw failSpan(target.span(), "only single target (not tuple) can be annotated");
    }
    if (target instanceof Expression.List) {
      throw failSpan(target.span(), "only single target (not list) can be annotated");
    }
    if (!(target instanceof Expression.Name
        || target instanceof Expression.Attribute
        || target instanceof Expression.Subscript)) {
      throw failSpan(target.span(), "illegal target for annotation");
    }
    p++;
    Expression annotation = expression();
    Optional<Expression> value = Optional.empty();
    if (accept(EQUAL)) {
      value = Optional.of(at(KW_YIELD) ? yieldExpression() : starExpressions());
    }
    boolean simple = target instanceof Expression.Name && !parenthesized;
    return new Statement.AnnAssign(
        setContext(target, ExprContext.STORE), annotation, value, simple, span(s));
  }

  private static @Nullable Operator augOperator(int tt) {
    return switch (tt) {
      case PLUSEQUAL -> Operator.ADD;
      case MINEQUAL -> Operator.SUB;
      case STAREQUAL -> Operator.MULT;
      case ATEQUAL -> Operator.MAT_MULT;
      case SLASHEQUAL -> Operator.DIV;
      case PERCENTEQUAL -> Operator.MOD;
      case AMPEREQUAL -> Operator.BIT_AND;
      case VBAREQUAL -> Operator.BIT_OR;
      case CIRCUMFLEXEQUAL -> Operator.BIT_XOR;
      case LEFTSHIFTEQUAL -> Operator.L_SHIFT;
      case RIGHTSHIFTEQUAL -> Operator.R_SHIFT;
      case DOUBLESTAREQUAL -> Operator.POW;
      case DOUBLESLASHEQUAL -> Operator.FLOOR_DIV;
      default -> null;
    };
  }

  // ---- targets ------------------------------------------------------------------------------

  /**
   * CPython's {@code invalid_named_expression}: {@code f() = 1} (one '=', an invalid target that is
   * a plain bitwise-or expression) reads as a mistyped comparison.
   */
  private void checkAssignHere(int s, Expression left) {
    if (invalidTarget(left, ExprContext.STORE, false) == null || !bitwiseOrLevel(left)) {
      return;
    }
    int tt = type[s];
    if (left instanceof Expression.List
        || left instanceof Expression.Tuple
        || left instanceof Expression.GeneratorExp
        || tt == KW_TRUE
        || tt == KW_NONE
        || tt == KW_FALSE
        || tt == LSQB) {
      return;
    }
    int save = p;
    Expression rhs = speculate(this::bitwiseOr);
    boolean followedByAssign = at(EQUAL) || at(COLONEQUAL);
    p = save;
    if (rhs != null && !followedByAssign) {
      throw failSpan(
          left.span(),
          "cannot assign to " + exprName(left) + " here. Maybe you meant '==' instead of '='?");
    }
  }

  /** Whether {@code e} can be produced by the grammar's {@code bitwise_or} rule. */
  private static boolean bitwiseOrLevel(Expression e) {
    return !(e instanceof Expression.BoolOp
        || (e instanceof Expression.UnaryOp u && u.op() == UnaryOperator.NOT)
        || e instanceof Expression.Compare
        || e instanceof Expression.IfExp
        || e instanceof Expression.Lambda
        || e instanceof Expression.NamedExpr
        || e instanceof Expression.Yield
        || e instanceof Expression.YieldFrom
        || e instanceof Expression.Starred);
  }

  /** Turns a parsed expression into an assignment/deletion target, or fails as CPython does. */
  private Expression toTarget(Expression e, ExprContext ctx) {
    Expression invalid = invalidTarget(e, ctx, false);
    if (invalid != null) {
      String verb = ctx == ExprContext.DEL ? "cannot delete " : "cannot assign to ";
      throw failSpan(invalid.span(), verb + exprName(invalid));
    }
    return setContext(e, ctx);
  }

  private static @Nullable Expression invalidTarget(
      Expression e, ExprContext ctx, boolean forTarget) {
    return switch (e) {
      case Expression.List l -> {
        for (Expression x : l.elts()) {
          Expression bad = invalidTarget(x, ctx, forTarget);
          if (bad != null) {
            yield bad;
          }
        }
        yield null;
      }
      case Expression.Tuple tu -> {
        for (Expression x : tu.elts()) {
          Expression bad = invalidTarget(x, ctx, forTarget);
          if (bad != null) {
            yield bad;
          }
        }
        yield null;
      }
      case Expression.Starred st ->
          ctx == ExprContext.DEL ? e : invalidTarget(st.value(), ctx, forTarget);
      case Expression.Compare c ->
          forTarget && c.ops().get(0) == CmpOperator.IN
              ? invalidTarget(c.left(), ctx, forTarget)
              : (forTarget ? null : e);
      case Expression.Name n -> null;
      case Expression.Subscript sub -> null;
      case Expression.Attribute a -> null;
      default -> e;
    };
  }

  /** {@code _PyPegen_set_expr_context}: same node, new context, recursively for containers. */
  static Expression setContext(Expression e, ExprContext ctx) {
    return switch (e) {
      case Expression.Name n -> n.ctx() == ctx ? n : new Expression.Name(n.id(), ctx, n.span());
      case Expression.Tuple tu -> new Expression.Tuple(setAll(tu.elts(), ctx), ctx, tu.span());
      case Expression.List l -> new Expression.List(setAll(l.elts(), ctx), ctx, l.span());
      case Expression.Subscript s -> new Expression.Subscript(s.value(), s.slice(), ctx, s.span());
      case Expression.Attribute a -> new Expression.Attribute(a.value(), a.attr(), ctx, a.span());
      case Expression.Starred st ->
          new Expression.Starred(setContext(st.value(), ctx), ctx, st.span());
      default -> e;
    };
  }

  private static List<Expression> setAll(List<Expression> es, ExprContext ctx) {
    List<Expression> out = new ArrayList<>(es.size());
    for (Expression e : es) {
      out.add(setContext(e, ctx));
    }
    return out;
  }

  /** {@code _PyPegen_get_expr_name}: how CPython names an expression in error messages. */
  static String exprName(Expression e) {
    return switch (e) {
      case Expression.Attribute a -> "attribute";
      case Expression.Subscript s -> "subscript";
      case Expression.Starred s -> "starred";
      case Expression.Name n -> "name";
      case Expression.List l -> "list";
      case Expression.Tuple tu -> "tuple";
      case Expression.Lambda l -> "lambda";
      case Expression.Call c -> "function call";
      case Expression.BoolOp b -> "expression";
      case Expression.BinOp b -> "expression";
      case Expression.UnaryOp u -> "expression";
      case Expression.GeneratorExp g -> "generator expression";
      case Expression.Yield y -> "yield expression";
      case Expression.YieldFrom y -> "yield expression";
      case Expression.Await a -> "await expression";
      case Expression.ListComp l -> "list comprehension";
      case Expression.SetComp s -> "set comprehension";
      case Expression.DictComp d -> "dict comprehension";
      case Expression.Dict d -> "dict literal";
      case Expression.Set s -> "set display";
      case Expression.JoinedStr j -> "f-string expression";
      case Expression.FormattedValue f -> "f-string expression";
      case Expression.TemplateStr ts -> "t-string expression";
      case Expression.Interpolation i -> "t-string expression";
      case Expression.Constant c ->
          switch (c.value()) {
            case ConstantValue.NoneValue nv -> "None";
            case ConstantValue.BoolValue bv -> bv.value() ? "True" : "False";
            case ConstantValue.EllipsisValue ev -> "ellipsis";
            default -> "literal";
          };
      case Expression.Compare c -> "comparison";
      case Expression.IfExp i -> "conditional expression";
      case Expression.NamedExpr n -> "named expression";
      case Expression.Slice s -> "slice";
    };
  }

  /**
   * Targets of {@code for} loops and comprehension clauses: {@code star_targets}, which stop before
   * {@code in}.
   */
  private Expression forTargets() {
    int s = p;
    Expression first = forTarget();
    if (!at(COMMA)) {
      return toForTarget(first);
    }
    List<Expression> elts = new ArrayList<>();
    elts.add(first);
    while (accept(COMMA)) {
      if (at(KW_IN)) {
        break;
      }
      elts.add(forTarget());
    }
    return toForTarget(new Expression.Tuple(elts, ExprContext.LOAD, span(s)));
  }

  private Expression forTarget() {
    if (at(STAR)) {
      int s = p;
      p++;
      Expression v = forTarget();
      return new Expression.Starred(v, ExprContext.LOAD, span(s));
    }
    return bitwiseOr();
  }

  private Expression toForTarget(Expression e) {
    Expression invalid = invalidTarget(e, ExprContext.STORE, true);
    if (invalid != null) {
      throw failSpan(invalid.span(), "cannot assign to " + exprName(invalid));
    }
    if (!at(KW_IN)) {
      if (type[p] == ERRORTOKEN) {
        throw lexFailure(p);
      }
      throw failAt(p, "invalid syntax");
    }
    return setContext(e, ExprContext.STORE);
  }

  // ---- compound statements ------------------------------------------------------------------

  /** {@code block}: an indented suite or simple statements on the same line. */
  private List<Statement> block(String what, int headerTok) {
    if (at(NEWLINE)) {
      p++;
      if (!at(INDENT)) {
        if (type[p] == ERRORTOKEN) {
          throw lexFailure(p);
        }
        throw indentationFailure(
            "expected an indented block after " + what + " on line " + sline[headerTok]);
      }
      p++;
      enter();
      List<Statement> body = new ArrayList<>();
      while (!at(DEDENT) && !at(ENDMARKER)) {
        statementWithRecovery(body, true);
      }
      accept(DEDENT);
      leave();
      if (body.isEmpty()) {
        throw failAt(p - 1, "invalid syntax");
      }
      return body;
    }
    if (at(ENDMARKER)) {
      throw unexpected();
    }
    List<Statement> body = new ArrayList<>();
    simpleStatements(body);
    return body;
  }

  /** The ':' ending a compound statement header; missing before a line end is "expected ':'". */
  private void colon() {
    if (at(COLON)) {
      p++;
      return;
    }
    if (at(NEWLINE)) {
      throw failAt(p, "expected ':'");
    }
    throw unexpected();
  }

  private Statement decorated() {
    List<Expression> decorators = new ArrayList<>();
    while (at(AT)) {
      int at = p;
      p++;
      Expression d = namedExpression();
      if (!target.atLeast(PythonVersion.PY39) && !isOldDecorator(d)) {
        requires(PythonVersion.PY39, "arbitrary decorator expression", tokSpan(at, lastTok()));
      }
      if (!at(NEWLINE)) {
        throw unexpected();
      }
      p++;
      decorators.add(d);
    }
    if (at(KW_DEF) || (at(KW_ASYNC) && t(1) == KW_DEF)) {
      return functionDef(p, decorators);
    }
    if (at(KW_CLASS)) {
      return classDef(p, decorators);
    }
    throw unexpected();
  }

  /** Before 3.9 a decorator was a dotted name with an optional call. */
  private static boolean isOldDecorator(Expression d) {
    Expression e = d instanceof Expression.Call c ? c.func() : d;
    while (e instanceof Expression.Attribute a) {
      e = a.value();
    }
    return e instanceof Expression.Name;
  }

  private Statement functionDef(int s, List<Expression> decorators) {
    boolean async = at(KW_ASYNC);
    if (async) {
      p++;
    }
    int defTok = expect(KW_DEF);
    String fname = name(expectName());
    List<TypeParam> tparams = at(LSQB) ? typeParams() : List.of();
    expectForced(LPAR, "(");
    Arguments args = parameters(false);
    expect(RPAR);
    Optional<Expression> returns = Optional.empty();
    if (accept(RARROW)) {
      returns = Optional.of(expression());
    }
    expectForced(COLON, ":");
    List<Statement> body = block("function definition", defTok);
    Span sp = span(s);
    if (async) {
      return new Statement.AsyncFunctionDef(fname, args, body, decorators, returns, tparams, sp);
    }
    return new Statement.FunctionDef(fname, args, body, decorators, returns, tparams, sp);
  }

  private Statement classDef(int s, List<Expression> decorators) {
    int classTok = expect(KW_CLASS);
    String cname = name(expectName());
    List<TypeParam> tparams = at(LSQB) ? typeParams() : List.of();
    List<Expression> bases = List.of();
    List<Keyword> keywords = List.of();
    if (at(LPAR)) {
      p++;
      CallArgs ca = callArguments();
      bases = ca.args;
      keywords = ca.keywords;
    }
    colon();
    List<Statement> body = block("class definition", classTok);
    return new Statement.ClassDef(cname, bases, keywords, body, decorators, tparams, span(s));
  }

  private List<TypeParam> typeParams() {
    int open = p;
    p++;
    if (at(RSQB)) {
      throw failAt(p, "Type parameter list cannot be empty");
    }
    List<TypeParam> params = new ArrayList<>();
    do {
      if (at(RSQB)) {
        break;
      }
      params.add(typeParam());
    } while (accept(COMMA));
    expect(RSQB);
    requires(PythonVersion.PY312, "type parameter list", tokSpan(open, p - 1));
    return params;
  }

  private TypeParam typeParam() {
    int s = p;
    if (accept(STAR)) {
      String n = name(expectName());
      if (at(COLON)) {
        int colonTok = p;
        p++;
        Expression e = expression();
        throw failRange(
            colonTok,
            lastTok(),
            e instanceof Expression.Tuple
                ? "cannot use constraints with TypeVarTuple"
                : "cannot use bound with TypeVarTuple");
      }
      Optional<Expression> def = Optional.empty();
      if (accept(EQUAL)) {
        int d = p;
        def = Optional.of(starExpression());
        requires(PythonVersion.PY313, "type parameter default", span(d));
      }
      return new TypeParam.TypeVarTuple(n, def, span(s));
    }
    if (accept(DOUBLESTAR)) {
      String n = name(expectName());
      if (at(COLON)) {
        int colonTok = p;
        p++;
        Expression e = expression();
        throw failRange(
            colonTok,
            lastTok(),
            e instanceof Expression.Tuple
                ? "cannot use constraints with ParamSpec"
                : "cannot use bound with ParamSpec");
      }
      Optional<Expression> def = Optional.empty();
      if (accept(EQUAL)) {
        int d = p;
        def = Optional.of(expression());
        requires(PythonVersion.PY313, "type parameter default", span(d));
      }
      return new TypeParam.ParamSpec(n, def, span(s));
    }
    String n = name(expectName());
    Optional<Expression> bound = Optional.empty();
    if (accept(COLON)) {
      bound = Optional.of(expression());
    }
    Optional<Expression> def = Optional.empty();
    if (accept(EQUAL)) {
      int d = p;
      def = Optional.of(expression());
      requires(PythonVersion.PY313, "type parameter default", span(d));
    }
    return new TypeParam.TypeVar(n, bound, def, span(s));
  }

  /** Parameters of a {@code def} (up to the ')') or of a {@code lambda} (up to the ':'). */
  private Arguments parameters(boolean lambda) {
    int close = lambda ? COLON : RPAR;
    List<Arg> posonly = new ArrayList<>();
    List<Arg> args = new ArrayList<>();
    List<Expression> defaults = new ArrayList<>();
    Arg vararg = null;
    List<Arg> kwonly = new ArrayList<>();
    List<Optional<Expression>> kwDefaults = new ArrayList<>();
    Arg kwarg = null;
    boolean slash = false;
    boolean star = false;
    while (!at(close)) {
      int s = p;
      if (kwarg != null) {
        if (at(NAME) || at(STAR) || at(DOUBLESTAR) || at(SLASH)) {
          throw failAt(p, "arguments cannot follow var-keyword argument");
        }
        throw unexpected();
      }
      if (at(SLASH)) {
        if (slash) {
          throw failAt(p, "/ may appear only once");
        }
        if (star) {
          throw failAt(p, "/ must be ahead of *");
        }
        if (args.isEmpty()) {
          throw failAt(p, "at least one argument must precede /");
        }
        p++;
        slash = true;
        posonly.addAll(args);
        args.clear();
      } else if (at(STAR)) {
        if (star) {
          throw failAt(p, "* argument may appear only once");
        }
        star = true;
        p++;
        if (at(COMMA) || at(close)) {
          if (at(close) || t(1) == close || t(1) == DOUBLESTAR) {
            if (lambda) {
              throw failAt(s, "named arguments must follow bare *");
            }
            throw failAt(s, "named arguments must follow bare *");
          }
        } else {
          int a = expectName();
          s = a;
          Optional<Expression> ann = Optional.empty();
          if (!lambda && accept(COLON)) {
            int annStart = p;
            ann = Optional.of(at(STAR) ? starExpression() : expression());
            if (ann.get() instanceof Expression.Starred) {
              requires(PythonVersion.PY311, "starred annotation for *args", span(annStart));
            }
          }
          vararg = new Arg(name(a), ann, span(s));
          if (at(EQUAL)) {
            throw failAt(p, "var-positional argument cannot have default value");
          }
        }
      } else if (at(DOUBLESTAR)) {
        p++;
        int a = expectName();
        Optional<Expression> ann = Optional.empty();
        if (!lambda && accept(COLON)) {
          ann = Optional.of(expression());
        }
        kwarg = new Arg(name(a), ann, span(a));
        if (at(EQUAL)) {
          throw failAt(p, "var-keyword argument cannot have default value");
        }
      } else if (at(NAME)) {
        int a = p++;
        Optional<Expression> ann = Optional.empty();
        if (!lambda && accept(COLON)) {
          ann = Optional.of(expression());
        }
        Arg arg = new Arg(name(a), ann, span(s));
        Optional<Expression> def = Optional.empty();
        if (at(EQUAL)) {
          int eq = p;
          p++;
          if (at(COMMA) || at(close)) {
            throw failAt(eq, "expected default value expression");
          }
          def = Optional.of(expression());
        }
        if (star) {
          kwonly.add(arg);
          kwDefaults.add(def);
        } else {
          if (def.isPresent()) {
            defaults.add(def.get());
          } else if (defaults.size() > 0) {
            throw failAt(a, "parameter without a default follows parameter with a default");
          }
          args.add(arg);
        }
      } else if (at(LPAR)) {
        throw failAt(
            p,
            lambda
                ? "Lambda expression parameters cannot be parenthesized"
                : "Function parameters cannot be parenthesized");
      } else {
        throw unexpected();
      }
      if (!accept(COMMA)) {
        break;
      }
    }
    if (star && vararg == null && kwonly.isEmpty()) {
      throw failAt(p, "named arguments must follow bare *");
    }
    if (!at(close)) {
      throw unexpected();
    }
    return new Arguments(
        posonly,
        args,
        Optional.ofNullable(vararg),
        kwonly,
        kwDefaults,
        Optional.ofNullable(kwarg),
        defaults);
  }

  private Statement ifStatement() {
    int s = p;
    p++;
    Expression test = namedExpression();
    colon();
    List<Statement> body = block("'if' statement", s);
    List<Statement> orelse = elseOrElif();
    return new Statement.If(test, body, orelse, span(s));
  }

  private List<Statement> elseOrElif() {
    if (at(KW_ELIF)) {
      int s = p;
      p++;
      Expression test = namedExpression();
      colon();
      List<Statement> body = block("'elif' statement", s);
      List<Statement> orelse = elseOrElif();
      return List.of(new Statement.If(test, body, orelse, span(s)));
    }
    return elseBlock();
  }

  private List<Statement> elseBlock() {
    if (!at(KW_ELSE)) {
      return List.of();
    }
    int s = p;
    p++;
    expectForced(COLON, ":");
    return block("'else' statement", s);
  }

  private Statement whileStatement() {
    int s = p;
    p++;
    Expression test = namedExpression();
    colon();
    List<Statement> body = block("'while' statement", s);
    List<Statement> orelse = elseBlock();
    return new Statement.While(test, body, orelse, span(s));
  }

  private Statement forStatement(int s, boolean async) {
    int forTok = expect(KW_FOR);
    Expression targetExpr = forTargets();
    expect(KW_IN);
    int iterStart = p;
    Expression iter = starExpressions();
    if (iter instanceof Expression.Tuple tu && hasStarred(tu.elts())) {
      requires(PythonVersion.PY39, "starred expression in for statement", span(iterStart));
    }
    colon();
    List<Statement> body = block("'for' statement", forTok);
    List<Statement> orelse = elseBlock();
    if (async) {
      return new Statement.AsyncFor(targetExpr, iter, body, orelse, span(s));
    }
    return new Statement.For(targetExpr, iter, body, orelse, span(s));
  }

  private static boolean hasStarred(List<Expression> es) {
    for (Expression e : es) {
      if (e instanceof Expression.Starred) {
        return true;
      }
    }
    return false;
  }

  private Statement withStatement(int s, boolean async) {
    int withTok = expect(KW_WITH);
    List<WithItem> items = null;
    if (at(LPAR)) {
      int open = p;
      items = speculate(this::parenthesizedWithItems);
      // Without "as" the parentheses read as a tuple or a group in any version.
      if (items != null && items.stream().anyMatch(w -> w.optionalVars().isPresent())) {
        requires(PythonVersion.PY39, "parenthesized context managers", tokSpan(open, lastTok()));
      }
    }
    if (items == null) {
      items = new ArrayList<>();
      do {
        items.add(withItem());
      } while (accept(COMMA));
      if (at(COLON) && type[p - 1] == COMMA) {
        throw failAt(p - 1, "the last 'with' item has a trailing comma");
      }
    }
    colon();
    List<Statement> body = block("'with' statement", withTok);
    if (async) {
      return new Statement.AsyncWith(items, body, span(s));
    }
    return new Statement.With(items, body, span(s));
  }

  private List<WithItem> parenthesizedWithItems() {
    p++;
    List<WithItem> items = new ArrayList<>();
    do {
      if (at(RPAR) && !items.isEmpty()) {
        break;
      }
      items.add(withItem());
    } while (accept(COMMA));
    expect(RPAR);
    if (!at(COLON)) {
      throw unexpected();
    }
    return items;
  }

  private WithItem withItem() {
    Expression e = expression();
    if (accept(KW_AS)) {
      Expression target = starTarget();
      if (!(at(COMMA) || at(RPAR) || at(COLON))) {
        throw unexpected();
      }
      return new WithItem(e, Optional.of(target));
    }
    return new WithItem(e, Optional.empty());
  }

  /** A single {@code star_target} (after {@code as} in a with item). */
  private Expression starTarget() {
    Expression e;
    if (at(STAR)) {
      int s = p;
      p++;
      Expression v = forTarget();
      e = new Expression.Starred(v, ExprContext.LOAD, span(s));
    } else {
      e = bitwiseOr();
    }
    Expression invalid = invalidTarget(e, ExprContext.STORE, false);
    if (invalid != null) {
      throw failSpan(invalid.span(), "cannot assign to " + exprName(invalid));
    }
    return setContext(e, ExprContext.STORE);
  }

  private Statement tryStatement() {
    int s = p;
    p++;
    expectForced(COLON, ":");
    List<Statement> body = block("'try' statement", s);
    List<ExceptHandler> handlers = new ArrayList<>();
    boolean star = false;
    boolean plain = false;
    while (at(KW_EXCEPT)) {
      int h = p;
      p++;
      boolean isStar = false;
      if (at(STAR)) {
        isStar = true;
        p++;
      }
      if (isStar ? plain : star) {
        throw failAt(h, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      if (isStar) {
        star = true;
      } else {
        plain = true;
      }
      Optional<Expression> typ = Optional.empty();
      Optional<String> nm = Optional.empty();
      if (!at(COLON)) {
        if (isStar && at(NEWLINE)) {
          throw failAt(p, "expected one or more exception types");
        }
        int es = p;
        Expression e = expression();
        if (at(COMMA)) {
          List<Expression> elts = new ArrayList<>();
          elts.add(e);
          while (accept(COMMA)) {
            if (at(COLON) || at(KW_AS)) {
              break;
            }
            elts.add(expression());
          }
          if (at(KW_AS)) {
            throw failSpan(
                e.span(), "multiple exception types must be parenthesized when using 'as'");
          }
          e = new Expression.Tuple(elts, ExprContext.LOAD, span(es));
          if (!target.atLeast(PythonVersion.PY314)) {
            throw failSpanRange(
                elts.get(0).span(), e.span(), "multiple exception types must be parenthesized");
          }
        }
        typ = Optional.of(e);
        if (accept(KW_AS)) {
          if (at(NAME) && (t(1) == COLON)) {
            nm = Optional.of(name(p++));
          } else {
            throw unexpected();
          }
        }
      } else if (isStar) {
        throw failAt(p, "expected one or more exception types");
      }
      colon();
      List<Statement> hbody = block(isStar ? "'except*' statement" : "'except' statement", h);
      handlers.add(new ExceptHandler(typ, nm, hbody, span(h)));
    }
    List<Statement> orelse = handlers.isEmpty() ? List.of() : elseBlock();
    List<Statement> finalbody = List.of();
    if (at(KW_FINALLY)) {
      int f = p;
      p++;
      expectForced(COLON, ":");
      finalbody = block("'finally' statement", f);
    }
    if (handlers.isEmpty() && finalbody.isEmpty()) {
      throw failAt(p, "expected 'except' or 'finally' block");
    }
    Span sp = span(s);
    if (star) {
      requires(PythonVersion.PY311, "except* clause", sp);
      return new Statement.TryStar(body, handlers, orelse, finalbody, sp);
    }
    return new Statement.Try(body, handlers, orelse, finalbody, sp);
  }

  // ---- match --------------------------------------------------------------------------------

  /** CPython's {@code invalid_match_stmt}: {@code match x} and then the line ends. */
  private void missingMatchColon() {
    int save = p;
    Expression subject =
        speculate(() -> {
          p++;
          return subjectExpression();
        });
    boolean newline = at(NEWLINE);
    int at = p;
    p = save;
    if (subject != null && newline) {
      throw failAt(at, "expected ':'");
    }
  }

  private boolean mayStartMatch() {
    int next = t(1);
    if (!startsExpression(next) && next != STAR) {
      return false;
    }
    return next != EQUAL && next != DOT;
  }

  /** A match statement, or null if this {@code match} is an ordinary name. */
  private Statement.@Nullable Match matchStatement() {
    int s = p;
    Expression subject =
        speculate(() -> {
          p++;
          Expression subj = subjectExpression();
          if (!at(COLON) || t(1) != NEWLINE) {
            throw unexpected();
          }
          return subj;
        });
    if (subject == null) {
      return null;
    }
    p++;
    p++;
    if (!at(INDENT)) {
      throw indentationFailure(
          "expected an indented block after 'match' statement on line " + sline[s]);
    }
    p++;
    enter();
    List<MatchCase> cases = new ArrayList<>();
    while (!at(DEDENT) && !at(ENDMARKER)) {
      if (!atName("case")) {
        throw unexpected();
      }
      cases.add(caseBlock());
    }
    accept(DEDENT);
    leave();
    Span sp = span(s);
    requires(PythonVersion.PY310, "match statement", tokSpan(s));
    return new Statement.Match(subject, cases, sp);
  }

  private Expression subjectExpression() {
    int s = p;
    Expression first = starNamedExpression();
    if (at(COMMA)) {
      List<Expression> elts = new ArrayList<>();
      elts.add(first);
      while (accept(COMMA)) {
        if (at(COLON)) {
          break;
        }
        elts.add(starNamedExpression());
      }
      return new Expression.Tuple(elts, ExprContext.LOAD, span(s));
    }
    if (first instanceof Expression.Starred) {
      throw unexpected();
    }
    return first;
  }

  private MatchCase caseBlock() {
    int caseTok = p;
    p++;
    Pattern pattern = patterns();
    Optional<Expression> guard = Optional.empty();
    if (accept(KW_IF)) {
      guard = Optional.of(namedExpression());
    }
    colon();
    List<Statement> body = block("'case' statement", caseTok);
    return new MatchCase(pattern, guard, body);
  }

  private Pattern patterns() {
    int s = p;
    Pattern first = maybeStarPattern();
    if (!at(COMMA)) {
      if (first instanceof Pattern.MatchStar) {
        return new Pattern.MatchSequence(List.of(first), span(s));
      }
      return first;
    }
    List<Pattern> items = new ArrayList<>();
    items.add(first);
    while (accept(COMMA)) {
      if (at(COLON) || at(KW_IF)) {
        break;
      }
      items.add(maybeStarPattern());
    }
    return new Pattern.MatchSequence(items, span(s));
  }

  private Pattern maybeStarPattern() {
    if (at(STAR)) {
      int s = p;
      p++;
      int n = expectName();
      String id = name(n);
      return new Pattern.MatchStar(id.equals("_") ? Optional.empty() : Optional.of(id), span(s));
    }
    return pattern();
  }

  private Pattern pattern() {
    enter();
    try {
      int s = p;
      Pattern or = orPattern();
      if (accept(KW_AS)) {
        if (atName("_")) {
          throw failAt(p, "cannot use '_' as a target");
        }
        if (at(NAME) && !(t(1) == DOT || t(1) == LPAR || t(1) == EQUAL)) {
          String n = name(p++);
          return new Pattern.MatchAs(Optional.of(or), Optional.of(n), span(s));
        }
        Expression bad = expression();
        throw failSpan(bad.span(), "cannot use " + exprName(bad) + " as pattern target");
      }
      return or;
    } finally {
      leave();
    }
  }

  private Pattern orPattern() {
    int s = p;
    Pattern first = closedPattern();
    if (!at(VBAR)) {
      return first;
    }
    List<Pattern> alts = new ArrayList<>();
    alts.add(first);
    while (accept(VBAR)) {
      alts.add(closedPattern());
    }
    return new Pattern.MatchOr(alts, span(s));
  }

  private Pattern closedPattern() {
    int s = p;
    return switch (t()) {
      case NUMBER, MINUS -> {
        Expression v = signedNumberOrComplex();
        yield new Pattern.MatchValue(v, span(s));
      }
      case STRING, FSTRING_START, TSTRING_START -> {
        Expression v = strings();
        yield new Pattern.MatchValue(v, span(s));
      }
      case KW_NONE -> {
        p++;
        yield new Pattern.MatchSingleton(new ConstantValue.NoneValue(), span(s));
      }
      case KW_TRUE -> {
        p++;
        yield new Pattern.MatchSingleton(new ConstantValue.BoolValue(true), span(s));
      }
      case KW_FALSE -> {
        p++;
        yield new Pattern.MatchSingleton(new ConstantValue.BoolValue(false), span(s));
      }
      case LPAR -> {
        p++;
        if (at(RPAR)) {
          p++;
          yield new Pattern.MatchSequence(List.of(), span(s));
        }
        Pattern first = maybeStarPattern();
        if (at(RPAR) && !(first instanceof Pattern.MatchStar)) {
          p++;
          yield first;
        }
        List<Pattern> items = new ArrayList<>();
        items.add(first);
        expect(COMMA);
        while (!at(RPAR)) {
          items.add(maybeStarPattern());
          if (!accept(COMMA)) {
            break;
          }
        }
        expect(RPAR);
        yield new Pattern.MatchSequence(items, span(s));
      }
      case LSQB -> {
        p++;
        List<Pattern> items = new ArrayList<>();
        while (!at(RSQB)) {
          items.add(maybeStarPattern());
          if (!accept(COMMA)) {
            break;
          }
        }
        expect(RSQB);
        yield new Pattern.MatchSequence(items, span(s));
      }
      case LBRACE -> mappingPattern();
      case NAME -> nameOrClassPattern();
      default -> throw unexpected();
    };
  }

  private Expression signedNumberOrComplex() {
    int s = p;
    Expression real = signedNumber();
    if (at(PLUS) || at(MINUS)) {
      Operator op = at(PLUS) ? Operator.ADD : Operator.SUB;
      if (isComplexConstant(real)) {
        throw failSpan(real.span(), "real number required in complex literal");
      }
      p++;
      int is = p;
      Expression imag = number(expect(NUMBER));
      if (!isComplexConstant(imag)) {
        throw failSpan(tokSpan(is), "imaginary number required in complex literal");
      }
      return new Expression.BinOp(real, op, imag, span(s));
    }
    return real;
  }

  private static boolean isComplexConstant(Expression e) {
    Expression x = e instanceof Expression.UnaryOp u ? u.operand() : e;
    return x instanceof Expression.Constant c && c.value() instanceof ConstantValue.ComplexValue;
  }

  private Expression signedNumber() {
    int s = p;
    if (accept(MINUS)) {
      Expression n = number(expect(NUMBER));
      return new Expression.UnaryOp(UnaryOperator.U_SUB, n, span(s));
    }
    return number(expect(NUMBER));
  }

  private Pattern mappingPattern() {
    int s = p;
    p++;
    List<Expression> keys = new ArrayList<>();
    List<Pattern> values = new ArrayList<>();
    Optional<String> rest = Optional.empty();
    while (!at(RBRACE)) {
      if (at(DOUBLESTAR)) {
        int r = p;
        p++;
        rest = Optional.of(name(expectName()));
        accept(COMMA);
        if (!at(RBRACE) && r >= 0) {
          throw unexpected();
        }
        break;
      }
      Expression key;
      switch (t()) {
        case NUMBER, MINUS -> key = signedNumberOrComplex();
        case STRING, FSTRING_START, TSTRING_START -> key = strings();
        case KW_NONE ->
            key =
                new Expression.Constant(
                    new ConstantValue.NoneValue(), Optional.empty(), tokSpan(p++));
        case KW_TRUE ->
            key =
                new Expression.Constant(
                    new ConstantValue.BoolValue(true), Optional.empty(), tokSpan(p++));
        case KW_FALSE ->
            key =
                new Expression.Constant(
                    new ConstantValue.BoolValue(false), Optional.empty(), tokSpan(p++));
        case NAME -> {
          key = nameOrAttr();
          if (!(key instanceof Expression.Attribute)) {
            throw unexpected();
          }
        }
        default -> throw unexpected();
      }
      expect(COLON);
      keys.add(key);
      values.add(pattern());
      if (!accept(COMMA)) {
        break;
      }
    }
    expect(RBRACE);
    return new Pattern.MatchMapping(keys, values, rest, span(s));
  }

  private Expression nameOrAttr() {
    int s = p;
    int n = expectName();
    Expression e = new Expression.Name(name(n), ExprContext.LOAD, tokSpan(n));
    while (at(DOT)) {
      p++;
      int a = expectName();
      e = new Expression.Attribute(e, name(a), ExprContext.LOAD, span(s));
    }
    return e;
  }

  private Pattern nameOrClassPattern() {
    int s = p;
    Expression e = nameOrAttr();
    if (at(LPAR)) {
      p++;
      List<Pattern> positional = new ArrayList<>();
      List<String> kwdAttrs = new ArrayList<>();
      List<Pattern> kwdPatterns = new ArrayList<>();
      int firstKeyword = -1;
      while (!at(RPAR)) {
        if (at(NAME) && t(1) == EQUAL) {
          if (firstKeyword < 0) {
            firstKeyword = p;
          }
          kwdAttrs.add(name(p));
          p += 2;
          kwdPatterns.add(pattern());
        } else {
          int ps = p;
          Pattern pat = pattern();
          if (firstKeyword >= 0) {
            throw failSpanRange(
                tokSpan(ps), pat.span(), "positional patterns follow keyword patterns");
          }
          positional.add(pat);
        }
        if (!accept(COMMA)) {
          break;
        }
      }
      expect(RPAR);
      return new Pattern.MatchClass(e, positional, kwdAttrs, kwdPatterns, span(s));
    }
    if (e instanceof Expression.Name n) {
      if (n.id().equals("_")) {
        return new Pattern.MatchAs(Optional.empty(), Optional.empty(), span(s));
      }
      if (at(EQUAL)) {
        throw unexpected();
      }
      return new Pattern.MatchAs(Optional.empty(), Optional.of(n.id()), span(s));
    }
    return new Pattern.MatchValue(e, span(s));
  }

  // ---- expressions --------------------------------------------------------------------------

  /** Whether a token can begin an expression. */
  private static boolean startsExpression(int tt) {
    return switch (tt) {
      case NAME,
          NUMBER,
          STRING,
          FSTRING_START,
          TSTRING_START,
          LPAR,
          LSQB,
          LBRACE,
          MINUS,
          PLUS,
          TILDE,
          STAR,
          ELLIPSIS,
          KW_NOT,
          KW_LAMBDA,
          KW_AWAIT,
          KW_NONE,
          KW_TRUE,
          KW_FALSE,
          KW_YIELD ->
          true;
      default -> false;
    };
  }

  /** {@code star_expressions}: one expression or an unparenthesized tuple, items may be starred. */
  private Expression starExpressions() {
    int s = p;
    Expression first = starExpression();
    if (!at(COMMA)) {
      return first;
    }
    List<Expression> elts = new ArrayList<>();
    elts.add(first);
    while (accept(COMMA)) {
      if (!startsExpression(t()) || at(KW_YIELD)) {
        break;
      }
      elts.add(starExpression());
    }
    return new Expression.Tuple(elts, ExprContext.LOAD, span(s));
  }

  /** {@code star_expression}. */
  private Expression starExpression() {
    if (at(STAR)) {
      int s = p;
      p++;
      Expression v = bitwiseOr();
      return new Expression.Starred(v, ExprContext.LOAD, span(s));
    }
    return expression();
  }

  /** {@code star_named_expression}. */
  private Expression starNamedExpression() {
    if (at(STAR)) {
      int s = p;
      p++;
      Expression v = bitwiseOr();
      return new Expression.Starred(v, ExprContext.LOAD, span(s));
    }
    return namedExpression();
  }

  /** {@code named_expression}: {@code NAME := expression} or an expression. */
  private Expression namedExpression() {
    return namedExpression(true);
  }

  /**
   * {@code named_expression}; {@code mistakes} reports a lone '=' after it as CPython's {@code
   * invalid_named_expression} does (call arguments have their own message for that).
   */
  private Expression namedExpression(boolean mistakes) {
    if (at(NAME) && t(1) == COLONEQUAL) {
      int s = p;
      int n = p;
      p += 2;
      Expression value = expression();
      return new Expression.NamedExpr(
          new Expression.Name(name(n), ExprContext.STORE, tokSpan(n)), value, span(s));
    }
    int s = p;
    Expression e = expression();
    if (at(COLONEQUAL)) {
      throw failSpan(e.span(), "cannot use assignment expressions with " + exprName(e));
    }
    if (mistakes && at(EQUAL)) {
      mistakenAssignment(s, e);
    }
    return e;
  }

  /** {@code if x = 1:} and the like, where a comparison or a walrus was meant. */
  private void mistakenAssignment(int s, Expression e) {
    int save = p;
    p++;
    Expression rhs = speculate(this::bitwiseOr);
    boolean followedByAssign = at(EQUAL) || at(COLONEQUAL);
    p = save;
    if (rhs == null || followedByAssign) {
      return;
    }
    if (e instanceof Expression.Name && p == s + 1) {
      throw failSpanRange(
          e.span(), rhs.span(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    int tt = type[s];
    if (bitwiseOrLevel(e)
        && !(e instanceof Expression.List
            || e instanceof Expression.Tuple
            || e instanceof Expression.GeneratorExp
            || tt == KW_TRUE
            || tt == KW_NONE
            || tt == KW_FALSE
            || tt == LSQB)) {
      throw failSpan(
          e.span(),
          "cannot assign to " + exprName(e) + " here. Maybe you meant '==' instead of '='?");
    }
  }

  /** {@code expression}: a conditional expression, a lambda or a disjunction. */
  private Expression expression() {
    enter();
    try {
      if (at(KW_LAMBDA)) {
        return lambda();
      }
      int s = p;
      Expression body = disjunction();
      if (!at(KW_IF)) {
        return body;
      }
      p++;
      Expression test = disjunction();
      if (!at(KW_ELSE)) {
        if (at(COLON)) {
          throw unexpected();
        }
        throw failSpanRange(body.span(), test.span(), "expected 'else' after 'if' expression");
      }
      p++;
      if (at(STAR)) {
        throw failAt(p, "cannot unpack only part of a conditional expression");
      }
      if (at(DOUBLESTAR)) {
        throw failAt(p, "cannot use dict unpacking on only part of a conditional expression");
      }

      Expression orelse = expression();
      return new Expression.IfExp(test, body, orelse, span(s));
    } finally {
      leave();
    }
  }

  private Expression lambda() {
    int s = p;
    p++;
    Arguments args = at(COLON) ? Arguments.empty() : parameters(true);
    int colon = expect(COLON);
    if (at(FSTRING_MIDDLE) || at(TSTRING_MIDDLE)) {
      throw failRange(
          s,
          colon,
          (at(FSTRING_MIDDLE) ? "f-string" : "t-string")
              + ": lambda expressions are not allowed without parentheses");
    }
    Expression body = expression();
    return new Expression.Lambda(args, body, span(s));
  }

  private Expression disjunction() {
    int s = p;
    Expression first = conjunction();
    if (!at(KW_OR)) {
      return first;
    }
    List<Expression> values = new ArrayList<>();
    values.add(first);
    while (accept(KW_OR)) {
      values.add(conjunction());
    }
    return new Expression.BoolOp(BoolOperator.OR, values, span(s));
  }

  private Expression conjunction() {
    int s = p;
    Expression first = inversion();
    if (!at(KW_AND)) {
      return first;
    }
    List<Expression> values = new ArrayList<>();
    values.add(first);
    while (accept(KW_AND)) {
      values.add(inversion());
    }
    return new Expression.BoolOp(BoolOperator.AND, values, span(s));
  }

  private Expression inversion() {
    if (at(KW_NOT)) {
      enter();
      try {
        int s = p;
        p++;
        Expression operand = inversion();
        return new Expression.UnaryOp(UnaryOperator.NOT, operand, span(s));
      } finally {
        leave();
      }
    }
    return comparison();
  }

  private Expression comparison() {
    int s = p;
    Expression left = bitwiseOr();
    CmpOperator op = comparisonOperator();
    if (op == null) {
      return left;
    }
    List<CmpOperator> ops = new ArrayList<>();
    List<Expression> comparators = new ArrayList<>();
    while (op != null) {
      ops.add(op);
      comparators.add(bitwiseOr());
      op = comparisonOperator();
    }
    return new Expression.Compare(left, ops, comparators, span(s));
  }

  /** Consumes a comparison operator, if one follows. */
  private @Nullable CmpOperator comparisonOperator() {
    CmpOperator op =
        switch (t()) {
          case EQEQUAL -> CmpOperator.EQ;
          case NOTEQUAL -> CmpOperator.NOT_EQ;
          case LESS -> CmpOperator.LT;
          case LESSEQUAL -> CmpOperator.LT_E;
          case GREATER -> CmpOperator.GT;
          case GREATEREQUAL -> CmpOperator.GT_E;
          case KW_IN -> CmpOperator.IN;
          case KW_IS -> t(1) == KW_NOT ? CmpOperator.IS_NOT : CmpOperator.IS;
          case KW_NOT -> t(1) == KW_IN ? CmpOperator.NOT_IN : null;
          default -> null;
        };
    if (op == null) {
      return null;
    }
    p += (op == CmpOperator.IS_NOT || op == CmpOperator.NOT_IN) ? 2 : 1;
    return op;
  }

  private Expression bitwiseOr() {
    int s = p;
    Expression left = bitwiseXor();
    while (at(VBAR)) {
      p++;
      Expression right = bitwiseXor();
      left = new Expression.BinOp(left, Operator.BIT_OR, right, span(s));
    }
    return left;
  }

  private Expression bitwiseXor() {
    int s = p;
    Expression left = bitwiseAnd();
    while (at(CIRCUMFLEX)) {
      p++;
      Expression right = bitwiseAnd();
      left = new Expression.BinOp(left, Operator.BIT_XOR, right, span(s));
    }
    return left;
  }

  private Expression bitwiseAnd() {
    int s = p;
    Expression left = shift();
    while (at(AMPER)) {
      p++;
      Expression right = shift();
      left = new Expression.BinOp(left, Operator.BIT_AND, right, span(s));
    }
    return left;
  }

  private Expression shift() {
    int s = p;
    Expression left = sum();
    for (; ; ) {
      Operator op = at(LEFTSHIFT) ? Operator.L_SHIFT : at(RIGHTSHIFT) ? Operator.R_SHIFT : null;
      if (op == null) {
        return left;
      }
      p++;
      Expression right = sum();
      left = new Expression.BinOp(left, op, right, span(s));
    }
  }

  private Expression sum() {
    int s = p;
    Expression left = term();
    for (; ; ) {
      Operator op = at(PLUS) ? Operator.ADD : at(MINUS) ? Operator.SUB : null;
      if (op == null) {
        return left;
      }
      p++;
      if (at(KW_NOT)) {
        throw notAfterOperator();
      }
      Expression right = term();
      left = new Expression.BinOp(left, op, right, span(s));
    }
  }

  private Failure notAfterOperator() {
    int n = p;
    Expression e = speculate(this::inversion);
    return e == null
        ? unexpected()
        : failSpanRange(tokSpan(n), e.span(), "'not' after an operator must be parenthesized");
  }

  private Expression term() {
    int s = p;
    Expression left = factor();
    for (; ; ) {
      Operator op =
          switch (t()) {
            case STAR -> Operator.MULT;
            case SLASH -> Operator.DIV;
            case DOUBLESLASH -> Operator.FLOOR_DIV;
            case PERCENT -> Operator.MOD;
            case AT -> Operator.MAT_MULT;
            default -> null;
          };
      if (op == null) {
        return left;
      }
      p++;
      if (at(KW_NOT)) {
        throw notAfterOperator();
      }
      Expression right = factor();
      left = new Expression.BinOp(left, op, right, span(s));
    }
  }

  private Expression factor() {
    UnaryOperator op =
        switch (t()) {
          case PLUS -> UnaryOperator.U_ADD;
          case MINUS -> UnaryOperator.U_SUB;
          case TILDE -> UnaryOperator.INVERT;
          default -> null;
        };
    if (op == null) {
      return power();
    }
    enter();
    try {
      int s = p;
      p++;
      if (at(KW_NOT)) {
        throw notAfterOperator();
      }
      Expression operand = factor();
      return new Expression.UnaryOp(op, operand, span(s));
    } finally {
      leave();
    }
  }

  private Expression power() {
    int s = p;
    Expression base = awaitPrimary();
    if (!at(DOUBLESTAR)) {
      return base;
    }
    p++;
    enter();
    try {
      Expression exp = factor();
      return new Expression.BinOp(base, Operator.POW, exp, span(s));
    } finally {
      leave();
    }
  }

  private Expression awaitPrimary() {
    if (at(KW_AWAIT)) {
      int s = p;
      p++;
      Expression v = primary();
      return new Expression.Await(v, span(s));
    }
    return primary();
  }

  private Expression primary() {
    int s = p;
    Expression e = atom();
    for (; ; ) {
      switch (t()) {
        case DOT -> {
          p++;
          int a = expectName();
          e = new Expression.Attribute(e, name(a), ExprContext.LOAD, span(s));
        }
        case LPAR -> {
          p++;
          CallArgs ca = callArguments();
          if (ca.genexp != null) {
            e = new Expression.Call(e, List.of(ca.genexp), List.of(), span(s));
          } else {
            e = new Expression.Call(e, ca.args, ca.keywords, span(s));
          }
        }
        case LSQB -> {
          p++;
          Expression slice = slices();
          expect(RSQB);
          e = new Expression.Subscript(e, slice, ExprContext.LOAD, span(s));
        }
        default -> {
          return e;
        }
      }
    }
  }

  /** The arguments of a call or class header; the '(' is consumed, the ')' is consumed here. */
  private static final class CallArgs {
    final List<Expression> args = new ArrayList<>();
    final List<Keyword> keywords = new ArrayList<>();
    Expression.@Nullable GeneratorExp genexp;
  }

  private CallArgs callArguments() {
    int open = p - 1;
    CallArgs ca = new CallArgs();
    boolean sawKeyword = false;
    boolean sawKwUnpack = false;
    while (!at(RPAR)) {
      int s = p;
      if (at(STAR)) {
        p++;
        if (at(RPAR) || at(COMMA)) {
          throw failAt(p, "Invalid star expression");
        }
        Expression v = expression();
        if (at(EQUAL)) {
          throw failRange(s, p, "cannot assign to iterable argument unpacking");
        }
        if (sawKwUnpack) {
          throw failAt(s - 1, "iterable argument unpacking follows keyword argument unpacking");
        }
        ca.args.add(new Expression.Starred(v, ExprContext.LOAD, span(s)));
      } else if (at(DOUBLESTAR)) {
        p++;
        Expression v = expression();
        if (at(EQUAL)) {
          throw failRange(s, p, "cannot assign to keyword argument unpacking");
        }
        sawKwUnpack = true;
        ca.keywords.add(new Keyword(Optional.empty(), v, span(s)));
      } else if (at(NAME) && t(1) == EQUAL) {
        int n = p;
        p += 2;
        if (at(COMMA) || at(RPAR)) {
          throw failRange(n, n + 1, "expected argument value expression");
        }
        Expression v = expression();
        if (at(KW_FOR) || at(KW_ASYNC)) {
          throw failRange(n, n + 1, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        sawKeyword = true;
        ca.keywords.add(new Keyword(Optional.of(name(n)), v, span(s)));
      } else if ((at(KW_TRUE) || at(KW_FALSE) || at(KW_NONE)) && t(1) == EQUAL) {
        throw failRange(p, p + 1, "cannot assign to " + lx.text(p));
      } else {
        Expression v = namedExpression(false);
        if (at(KW_FOR) || at(KW_ASYNC)) {
          List<Comprehension> gens = comprehensionClauses();
          if (ca.args.isEmpty() && ca.keywords.isEmpty() && at(RPAR)) {
            p++;
            ca.genexp = new Expression.GeneratorExp(v, gens, span(open));
            return ca;
          }
          Comprehension last = gens.get(gens.size() - 1);
          Expression lastItem =
              last.ifs().isEmpty() ? last.iter() : last.ifs().get(last.ifs().size() - 1);
          throw failSpanRange(
              v.span(), lastItem.span(), "Generator expression must be parenthesized");
        }
        if (at(EQUAL)) {
          throw failSpanRange(
              v.span(),
              tokSpan(p),
              "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (sawKeyword || sawKwUnpack) {
          throw failAt(
              p,
              sawKwUnpack
                  ? "positional argument follows keyword argument unpacking"
                  : "positional argument follows keyword argument");
        }
        if (!at(COMMA) && !at(RPAR)) {
          throw missingComma(v);
        }
        ca.args.add(v);
      }
      if (!accept(COMMA)) {
        break;
      }
    }
    expect(RPAR);
    return ca;
  }

  /** {@code slices}: one slice/expression, or a tuple of them (starred items allowed in 3.11). */
  private Expression slices() {
    int s = p;
    Expression first = sliceItem();
    if (!at(COMMA)) {
      if (first instanceof Expression.Starred) {
        Expression tuple = new Expression.Tuple(List.of(first), ExprContext.LOAD, span(s));
        requires(PythonVersion.PY311, "starred expression in subscript", tuple.span());
        return tuple;
      }
      return first;
    }
    List<Expression> elts = new ArrayList<>();
    elts.add(first);
    while (accept(COMMA)) {
      if (at(RSQB)) {
        break;
      }
      elts.add(sliceItem());
    }
    Expression tuple = new Expression.Tuple(elts, ExprContext.LOAD, span(s));
    if (hasStarred(elts)) {
      requires(PythonVersion.PY311, "starred expression in subscript", tuple.span());
    }
    return tuple;
  }

  private Expression sliceItem() {
    int s = p;
    if (at(STAR)) {
      p++;
      Expression v = bitwiseOr();
      return new Expression.Starred(v, ExprContext.LOAD, span(s));
    }
    Optional<Expression> lower = Optional.empty();
    if (!at(COLON)) {
      Expression e = namedExpression();
      if (!at(COLON)) {
        if (e instanceof Expression.NamedExpr && !isParenthesized(s, e)) {
          requires(
              PythonVersion.PY310, "unparenthesized assignment expression in subscript", e.span());
        }
        return e;
      }
      if (e instanceof Expression.NamedExpr && !isParenthesized(s, e)) {
        throw unexpected();
      }
      lower = Optional.of(e);
    }
    expect(COLON);
    Optional<Expression> upper = Optional.empty();
    if (!at(COLON) && !at(COMMA) && !at(RSQB)) {
      upper = Optional.of(expression());
    }
    Optional<Expression> step = Optional.empty();
    if (accept(COLON)) {
      if (!at(COMMA) && !at(RSQB)) {
        step = Optional.of(expression());
      }
    }
    return new Expression.Slice(lower, upper, step, span(s));
  }

  /** Whether expression {@code e}, which began at token {@code s}, was written in parentheses. */
  private boolean isParenthesized(int s, Expression e) {
    return type[s] == LPAR && (sline[s] != e.span().lineno() || scol[s] != e.span().colOffset());
  }

  private Expression atom() {
    int s = p;
    return switch (t()) {
      case NAME -> {
        p++;
        yield new Expression.Name(name(s), ExprContext.LOAD, tokSpan(s));
      }
      case NUMBER -> {
        p++;
        yield number(s);
      }
      case STRING, FSTRING_START, TSTRING_START -> strings();
      case KW_NONE -> {
        p++;
        yield new Expression.Constant(new ConstantValue.NoneValue(), Optional.empty(), tokSpan(s));
      }
      case KW_TRUE -> {
        p++;
        yield new Expression.Constant(
            new ConstantValue.BoolValue(true), Optional.empty(), tokSpan(s));
      }
      case KW_FALSE -> {
        p++;
        yield new Expression.Constant(
            new ConstantValue.BoolValue(false), Optional.empty(), tokSpan(s));
      }
      case ELLIPSIS -> {
        p++;
        yield new Expression.Constant(
            new ConstantValue.EllipsisValue(), Optional.empty(), tokSpan(s));
      }
      case LPAR -> parenthesized();
      case LSQB -> listDisplay();
      case LBRACE -> braceDisplay();
      case ERRORTOKEN -> throw lexFailure(p);
      default -> throw unexpected();
    };
  }

  private Expression number(int i) {
    String text =
        new String(
            src, lx.start[i], lx.end[i] - lx.start[i], java.nio.charset.StandardCharsets.US_ASCII);
    try {
      return new Expression.Constant(Literals.number(text), Optional.empty(), tokSpan(i));
    } catch (Literals.LiteralException e) {
      throw failAt(i, e.text());
    } catch (NumberFormatException e) {
      throw failAt(i, "invalid number literal");
    }
  }

  private Expression parenthesized() {
    enter();
    try {
      int s = p;
      p++;
      if (at(RPAR)) {
        p++;
        return new Expression.Tuple(List.of(), ExprContext.LOAD, span(s));
      }
      if (at(KW_YIELD)) {
        Expression y = yieldExpression();
        expect(RPAR);
        return y;
      }
      if (at(DOUBLESTAR)) {
        throw failAt(p, "cannot use double starred expression here");
      }
      Expression first = starNamedExpression();
      if (at(RPAR)) {
        if (first instanceof Expression.Starred) {
          throw failSpan(first.span(), "cannot use starred expression here");
        }
        p++;
        return first;
      }
      if (at(KW_FOR) || at(KW_ASYNC)) {
        if (first instanceof Expression.Starred) {
          throw unexpected();
        }
        List<Comprehension> gens = comprehensionClauses();
        expect(RPAR);
        return new Expression.GeneratorExp(first, gens, span(s));
      }
      if (!at(COMMA)) {
        throw missingComma(first);
      }
      List<Expression> elts = new ArrayList<>();
      elts.add(first);
      while (accept(COMMA)) {
        if (at(RPAR)) {
          break;
        }
        elts.add(starNamedExpression());
      }
      if (!at(RPAR)) {
        throw missingComma(elts.get(elts.size() - 1));
      }
      p++;
      return new Expression.Tuple(elts, ExprContext.LOAD, span(s));
    } finally {
      leave();
    }
  }

  /**
   * Inside brackets, an expression followed by the start of another one: CPython suggests a missing
   * comma.
   */
  private Failure missingComma(Expression before) {
    if (type[p] == ERRORTOKEN) {
      return lexFailure(p);
    }
    if (startsExpression(type[p])
        && type[p] != STAR
        && type[p] != MINUS
        && type[p] != PLUS
        && type[p] != LPAR
        && type[p] != LSQB
        && type[p] != KW_NOT
        && type[p] != KW_YIELD
        && !(before instanceof Expression.Name
            && (type[p] == STRING || type[p] == FSTRING_START))) {
      Expression next = speculate(this::expression);
      if (next != null) {
        return failSpanRange(
            before.span(), next.span(), "invalid syntax. Perhaps you forgot a comma?");
      }
    }
    return unexpected();
  }

  private Expression listDisplay() {
    int s = p;
    p++;
    if (at(RSQB)) {
      p++;
      return new Expression.List(List.of(), ExprContext.LOAD, span(s));
    }
    Expression first = starNamedExpression();
    if (at(KW_FOR) || at(KW_ASYNC)) {
      if (first instanceof Expression.Starred) {
        throw failSpan(first.span(), "iterable unpacking cannot be used in comprehension");
      }
      List<Comprehension> gens = comprehensionClauses();
      expect(RSQB);
      return new Expression.ListComp(first, gens, span(s));
    }
    List<Expression> elts = new ArrayList<>();
    elts.add(first);
    while (accept(COMMA)) {
      if (at(RSQB)) {
        break;
      }
      elts.add(starNamedExpression());
    }
    if (!at(RSQB)) {
      throw missingComma(elts.get(elts.size() - 1));
    }
    p++;
    return new Expression.List(elts, ExprContext.LOAD, span(s));
  }

  private Expression braceDisplay() {
    enter();
    try {
      int s = p;
      p++;
      if (at(RBRACE)) {
        p++;
        return new Expression.Dict(List.of(), List.of(), span(s));
      }
      if (at(DOUBLESTAR)) {
        return dictDisplay(s);
      }
      int fs = p;
      Expression first = starNamedExpression();
      if (at(COLON)) {
        if (first instanceof Expression.NamedExpr && !isParenthesized(fs, first)) {
          throw unexpected();
        }
        p = fs;
        return dictDisplay(s);
      }
      if (first instanceof Expression.NamedExpr && !isParenthesized(fs, first)) {
        requires(
            PythonVersion.PY39,
            "unparenthesized assignment expression in set display",
            first.span());
      }
      if (at(KW_FOR) || at(KW_ASYNC)) {
        if (first instanceof Expression.Starred) {
          throw failSpan(first.span(), "iterable unpacking cannot be used in comprehension");
        }
        List<Comprehension> gens = comprehensionClauses();
        expect(RBRACE);
        return new Expression.SetComp(first, gens, span(s));
      }
      List<Expression> elts = new ArrayList<>();
      elts.add(first);
      while (accept(COMMA)) {
        if (at(RBRACE)) {
          break;
        }
        int es = p;
        Expression e = starNamedExpression();
        if (e instanceof Expression.NamedExpr && !isParenthesized(es, e)) {
          requires(
              PythonVersion.PY39, "unparenthesized assignment expression in set display", e.span());
        }
        elts.add(e);
      }
      if (!at(RBRACE)) {
        throw missingComma(elts.get(elts.size() - 1));
      }
      p++;
      return new Expression.Set(elts, span(s));
    } finally {
      leave();
    }
  }

  /** A dict display or comprehension; {@code p} is at the first key (or {@code **}). */
  private Expression dictDisplay(int s) {
    List<Optional<Expression>> keys = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    boolean first = true;
    while (!at(RBRACE)) {
      if (at(DOUBLESTAR)) {
        p++;
        Expression v = bitwiseOr();
        keys.add(Optional.empty());
        values.add(v);
      } else {
        Expression k = expression();
        if (!at(COLON)) {
          if (at(COMMA) || at(RBRACE)) {
            throw failSpan(k.span(), "':' expected after dictionary key");
          }
          throw unexpected();
        }
        int colonTok = p;
        p++;
        if (at(RBRACE) || at(COMMA)) {
          throw failAt(colonTok, "expression expected after dictionary key and ':'");
        }
        if (at(STAR)) {
          throw failAt(p, "cannot use a starred expression in a dictionary value");
        }
        if (at(DOUBLESTAR)) {
          throw failAt(p, "cannot use dict unpacking in a dictionary value");
        }
        Expression v = expression();
        if (first && (at(KW_FOR) || at(KW_ASYNC))) {
          List<Comprehension> gens = comprehensionClauses();
          expect(RBRACE);
          return new Expression.DictComp(k, v, gens, span(s));
        }
        keys.add(Optional.of(k));
        values.add(v);
      }
      first = false;
      if (!accept(COMMA)) {
        break;
      }
    }
    if (!at(RBRACE)) {
      throw missingComma(values.get(values.size() - 1));
    }
    p++;
    return new Expression.Dict(keys, values, span(s));
  }

  private List<Comprehension> comprehensionClauses() {
    List<Comprehension> gens = new ArrayList<>();
    while (at(KW_FOR) || (at(KW_ASYNC) && t(1) == KW_FOR)) {
      boolean async = accept(KW_ASYNC);
      p++;
      Expression tgt = forTargets();
      expect(KW_IN);
      Expression iter = disjunction();
      List<Expression> ifs = new ArrayList<>();
      while (at(KW_IF)) {
        p++;
        ifs.add(disjunction());
      }
      gens.add(new Comprehension(tgt, iter, ifs, async));
    }
    if (gens.isEmpty()) {
      throw unexpected();
    }
    return gens;
  }

  private Expression yieldExpression() {
    int s = p;
    p++;
    if (accept(KW_FROM)) {
      Expression v = expression();
      return new Expression.YieldFrom(v, span(s));
    }
    if (startsExpression(t()) && !at(KW_YIELD)) {
      Expression v = starExpressions();
      return new Expression.Yield(Optional.of(v), span(s));
    }
    return new Expression.Yield(Optional.empty(), span(s));
  }

  // ---- strings ------------------------------------------------------------------------------

  /** One or more adjacent string, f-string or t-string literals, concatenated. */
  private Expression strings() {
    int s = p;
    List<Expression> parts = new ArrayList<>();
    boolean sawT = false;
    boolean sawOther = false;
    int lastT = -1;
    int lastOther = -1;
    for (; ; ) {
      int tt = t();
      if (tt == STRING) {
        parts.add(stringConstant(p));
        sawOther = true;
        lastOther = parts.size() - 1;
        p++;
      } else if (tt == FSTRING_START) {
        parts.add(fstring());
        sawOther = true;
        lastOther = parts.size() - 1;
      } else if (tt == TSTRING_START) {
        parts.add(fstring());
        sawT = true;
        lastT = parts.size() - 1;
      } else {
        break;
      }
      if (sawT && sawOther) {
        Expression a = parts.get(Math.min(lastT, lastOther));
        Expression b = parts.get(Math.max(lastT, lastOther));
        throw failSpanRange(
            a.span(), b.span(), "cannot mix t-string literals with string or bytes literals");
      }
    }
    Span sp = span(s);
    if (sawT) {
      requires(PythonVersion.PY314, "t-string", sp);
      return concatenateTemplates(parts, sp);
    }
    return concatenate(parts, sp);
  }

  private Expression stringConstant(int i) {
    try {
      ConstantValue v = Literals.string(src, lx.start[i], lx.end[i]);
      Optional<String> kind = src[lx.start[i]] == 'u' ? Optional.of("u") : Optional.empty();
      return new Expression.Constant(v, kind, tokSpan(i));
    } catch (Literals.LiteralException e) {
      throw failAt(i, e.text());
    }
  }

  private static boolean isEmptyStr(Expression e) {
    return e instanceof Expression.Constant c
        && c.value() instanceof ConstantValue.StrValue sv
        && sv.value().isEmpty();
  }

  /** {@code _PyPegen_concatenate_strings}. */
  private Expression concatenate(List<Expression> strings, Span sp) {
    boolean fstringFound = false;
    boolean unicodeFound = false;
    boolean bytesFound = false;
    for (Expression e : strings) {
      if (e instanceof Expression.Constant c) {
        if (c.value() instanceof ConstantValue.BytesValue) {
          bytesFound = true;
        } else {
          unicodeFound = true;
        }
      } else {
        fstringFound = true;
      }
    }
    if ((unicodeFound || fstringFound) && bytesFound) {
      throw failAt(p, "cannot mix bytes and nonbytes literals");
    }
    if (bytesFound) {
      if (strings.size() == 1) {
        return strings.get(0);
      }
      StringBuilder sb = new StringBuilder();
      for (Expression e : strings) {
        sb.append(((ConstantValue.BytesValue) ((Expression.Constant) e).value()).latin1());
      }
      return new Expression.Constant(
          new ConstantValue.BytesValue(sb.toString()),
          ((Expression.Constant) strings.get(0)).kind(),
          sp);
    }
    if (!fstringFound && strings.size() == 1) {
      return strings.get(0);
    }
    List<Expression> flattened = new ArrayList<>();
    for (Expression e : strings) {
      if (e instanceof Expression.JoinedStr j) {
        flattened.addAll(j.values());
      } else {
        flattened.add(e);
      }
    }
    List<Expression> values = new ArrayList<>();
    int n = flattened.size();
    for (int i = 0; i < n; i++) {
      Expression elem = flattened.get(i);
      if (elem instanceof Expression.Constant c) {
        if (i + 1 < n && flattened.get(i + 1) instanceof Expression.Constant) {
          Expression.Constant firstElem = c;
          Expression.Constant lastElem = c;
          StringBuilder sb = new StringBuilder();
          int j = i;
          for (; j < n; j++) {
            if (flattened.get(j) instanceof Expression.Constant cur) {
              sb.append(((ConstantValue.StrValue) cur.value()).value());
              lastElem = cur;
            } else {
              break;
            }
          }
          i = j - 1;
          elem =
              new Expression.Constant(
                  new ConstantValue.StrValue(sb.toString()),
                  firstElem.kind(),
                  Span.between(firstElem.span(), lastElem.span()));
        }
        if (fstringFound && isEmptyStr(elem)) {
          continue;
        }
      }
      values.add(elem);
    }
    if (!fstringFound) {
      return values.get(0);
    }
    return new Expression.JoinedStr(values, sp);
  }

  /**
   * {@code _PyPegen_concatenate_tstrings}: adjacent t-strings become one TemplateStr, and adjacent
   * literal parts (a literal and a debug text, say) fold into one Constant, even in a single one.
   */
  private Expression concatenateTemplates(List<Expression> parts, Span sp) {
    List<Expression> flattened = new ArrayList<>();
    for (Expression e : parts) {
      flattened.addAll(((Expression.TemplateStr) e).values());
    }
    List<Expression> values = new ArrayList<>();
    for (int i = 0; i < flattened.size(); i++) {
      Expression elem = flattened.get(i);
      if (elem instanceof Expression.Constant c
          && i + 1 < flattened.size()
          && flattened.get(i + 1) instanceof Expression.Constant) {
        StringBuilder sb = new StringBuilder();
        Expression.Constant lastElem = c;
        int j = i;
        for (; j < flattened.size() && flattened.get(j) instanceof Expression.Constant cur; j++) {
          sb.append(((ConstantValue.StrValue) cur.value()).value());
          lastElem = cur;
        }
        i = j - 1;
        elem =
            new Expression.Constant(
                new ConstantValue.StrValue(sb.toString()),
                Optional.empty(),
                Span.between(c.span(), lastElem.span()));
      }
      if (isEmptyStr(elem)) {
        continue;
      }
      values.add(elem);
    }
    return new Expression.TemplateStr(values, sp);
  }

  /** An f-string (or t-string) from its START token to its END token. */
  private Expression fstring() {
    int startTok = p;
    boolean template = type[p] == TSTRING_START;
    int middle = template ? TSTRING_MIDDLE : FSTRING_MIDDLE;
    int endType = template ? TSTRING_END : FSTRING_END;
    boolean raw = false;
    for (int i = lx.start[startTok]; i < lx.end[startTok]; i++) {
      if (src[i] == 'r' || src[i] == 'R') {
        raw = true;
      }
    }
    p++;
    List<Expression> items = new ArrayList<>();
    for (; ; ) {
      int tt = t();
      if (tt == middle) {
        items.add(rawMiddle(p));
        p++;
      } else if (tt == LBRACE) {
        Expression field = replacementField(startTok, template);
        if (field instanceof Expression.JoinedStr j) {
          items.addAll(j.values());
        } else {
          items.add(field);
        }
      } else if (tt == endType) {
        break;
      } else {
        throw unexpected();
      }
    }
    int endTok = p++;
    List<Expression> values = new ArrayList<>();
    for (Expression item : items) {
      if (item instanceof Expression.Constant c && c.value() instanceof ConstantValue.StrValue sv) {
        String decoded = decodeFstringPart(raw, sv.value(), c.span());
        if (decoded.isEmpty()) {
          continue;
        }
        values.add(
            new Expression.Constant(
                new ConstantValue.StrValue(decoded), Optional.empty(), c.span()));
      } else {
        values.add(item);
      }
    }
    Span sp = tokSpan(startTok, endTok);
    if (!target.atLeast(PythonVersion.PY312)) {
      checkPre312Fstring(startTok, endTok);
    }
    return template ? new Expression.TemplateStr(values, sp) : new Expression.JoinedStr(values, sp);
  }

  /** A literal part, undecoded for now (CPython decodes them once the whole f-string is read). */
  private Expression rawMiddle(int i) {
    int s = lx.start[i];
    int e = lx.aux[i];
    String text;
    try {
      text = Literals.utf8(src, s, e);
    } catch (Literals.LiteralException ex) {
      throw failAt(i, ex.text());
    }
    return new Expression.Constant(new ConstantValue.StrValue(text), Optional.empty(), tokSpan(i));
  }

  private String decodeFstringPart(boolean raw, String text, Span where) {
    String t = text.equals("{{") || text.equals("}}") ? text.substring(0, 1) : text;
    if (raw || t.indexOf('\\') < 0) {
      return t;
    }
    byte[] bytes = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      return Literals.decodeUnicodeEscapes(bytes, 0, bytes.length);
    } catch (Literals.LiteralException e) {
      throw failSpan(where, e.text());
    }
  }

  private Expression decodedMiddle(int i) {
    int s = lx.start[i];
    int e = lx.aux[i];
    try {
      String text = Literals.decodeUnicodeEscapes(src, s, e);
      return new Expression.Constant(
          new ConstantValue.StrValue(text), Optional.empty(), tokSpan(i));
    } catch (Literals.LiteralException ex) {
      throw failAt(i, ex.text());
    }
  }

  /**
   * {@code '{' annotated_rhs '='? ['!' NAME] [':' format_spec*] '}'}. In a t-string the field is an
   * Interpolation, but fields nested in its format spec stay FormattedValues, as in CPython's
   * {@code tstring_format_spec_replacement_field}.
   */
  private Expression replacementField(int stringStart, boolean template) {
    return replacementField(stringStart, template, template);
  }

  private Expression replacementField(int stringStart, boolean template, boolean interpolation) {
    int open = p;
    p++;
    String what = template ? "t-string" : "f-string";
    switch (t()) {
      case EQUAL, EXCLAMATION, COLON, RBRACE -> {
        throw failAt(p, what + ": valid expression required before '" + lx.text(p) + "'");
      }
      default -> {}
    }
    Expression value;
    if (at(KW_YIELD)) {
      value = yieldExpression();
    } else {
      if (!startsExpression(t())) {
        throw failAt(p, what + ": expecting a valid expression after '{'");
      }
      value = starExpressions();
      if (startsExpression(t())) {
        throw missingComma(value);
      }
    }
    boolean debug = false;
    if (at(EQUAL)) {
      debug = true;
      p++;
    }
    int terminator = p;
    int conversion = -1;
    int convTok = -1;
    if (at(EXCLAMATION)) {
      int bang = p;
      p++;
      if (at(COLON) || at(RBRACE)) {
        throw failAt(p, what + ": missing conversion character");
      }
      if (!at(NAME)) {
        throw failAt(p, what + ": invalid conversion character");
      }
      if (sline[bang] != sline[p] || ecol[bang] != scol[p]) {
        throw failRange(
            bang, p, what + ": conversion type must come right after the exclamanation mark");
      }
      String conv = name(p);
      if (conv.length() != 1 || "sra".indexOf(conv.charAt(0)) < 0) {
        throw failAt(
            p, what + ": invalid conversion character '" + conv + "': expected 's', 'r', or 'a'");
      }
      convTok = p;
      conversion = conv.charAt(0);
      p++;
    }
    Optional<Expression> formatSpec = Optional.empty();
    if (at(COLON)) {
      int colonTok = p;
      p++;
      List<Expression> spec = new ArrayList<>();
      int middle = template ? TSTRING_MIDDLE : FSTRING_MIDDLE;
      for (; ; ) {
        if (at(middle)) {
          spec.add(decodedMiddle(p));
          p++;
        } else if (at(LBRACE)) {
          spec.add(replacementField(stringStart, template, false));
        } else {
          break;
        }
      }
      formatSpec = Optional.of(formatSpec(spec, colonTok));
    }
    if (!at(RBRACE)) {
      if (type[p] == ERRORTOKEN) {
        throw lexFailure(p);
      }
      if (formatSpec.isPresent()) {
        throw failAt(p, what + ": expecting '}', or format specs");
      }
      if (conversion >= 0) {
        throw failAt(p, what + ": expecting ':' or '}'");
      }
      if (debug) {
        throw failAt(p, what + ": expecting '!', or ':', or '}'");
      }
      throw failAt(p, what + ": expecting '=', or '!', or ':', or '}'");
    }
    int close = p++;
    Span sp = tokSpan(open, close);
    if (conversion == -1 && debug && formatSpec.isEmpty()) {
      conversion = 'r';
    }
    Expression field =
        interpolation
            ? new Expression.Interpolation(
                value,
                stripInterpolationText(debugText(open, terminator)),
                conversion,
                formatSpec,
                sp)
            : new Expression.FormattedValue(value, conversion, formatSpec, sp);
    if (!debug) {
      return field;
    }
    String text = debugText(open, terminator);
    Span textSpan = debugSpan(open, convTok, formatSpec, sp);
    Span joined =
        new Span(sp.lineno(), sp.colOffset(), textSpan.endLineno(), textSpan.endColOffset() + 1);
    return new Expression.JoinedStr(
        List.of(
            new Expression.Constant(new ConstantValue.StrValue(text), Optional.empty(), textSpan),
            field),
        joined);
  }

  /** {@code _strip_interpolation_expr}: the expression text without trailing blanks and '='. */
  private static String stripInterpolationText(String text) {
    int len = text.length();
    while (len > 0) {
      char c = text.charAt(len - 1);
      if (Character.isWhitespace(c) || c == '=') {
        len--;
      } else {
        break;
      }
    }
    return text.substring(0, len);
  }

  /** Where CPython puts the debug text of {@code {expr=}}: after the brace up to the terminator. */
  private Span debugSpan(int open, int convTok, Optional<Expression> formatSpec, Span field) {
    int endLine;
    int endCol;
    if (convTok >= 0) {
      endLine = sline[convTok];
      endCol = scol[convTok] - 1;
    } else if (formatSpec.isPresent()) {
      endLine = formatSpec.get().span().lineno();
      endCol = formatSpec.get().span().colOffset();
    } else {
      endLine = field.endLineno();
      endCol = field.endColOffset() - 1;
    }
    return new Span(sline[open], scol[open] + 1, endLine, endCol);
  }

  /** The source between the '{' and the terminating '!', ':' or '}', comments removed. */
  private String debugText(int open, int terminator) {
    int from = lx.end[open];
    int to = lx.start[terminator];
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (src[i] == '#') {
        while (i < to && src[i] != '\n') {
          i++;
        }
        if (i < to) {
          sb.append('\n');
        }
        continue;
      }
      sb.append((char) (src[i] & 0xFF));
    }
    byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code _PyPegen_setup_full_format_spec}. */
  private Expression formatSpec(List<Expression> spec, int colonTok) {
    List<Expression> nonEmpty = new ArrayList<>();
    for (Expression e : spec) {
      if (!isEmptyStr(e)) {
        nonEmpty.add(e);
      }
    }
    Span sp = span(colonTok);
    if (nonEmpty.isEmpty()
        || (nonEmpty.size() == 1 && nonEmpty.get(0) instanceof Expression.Constant)) {
      return new Expression.JoinedStr(nonEmpty, sp);
    }
    List<Expression> flat = new ArrayList<>();
    for (Expression e : nonEmpty) {
      flat.add(e);
    }
    Expression joined = concatenate(flat, sp);
    if (!(joined instanceof Expression.JoinedStr)) {
      return new Expression.JoinedStr(List.of(joined), sp);
    }
    return joined;
  }

  /**
   * Before 3.12 (PEP 701) an f-string was one token: its fields could not reuse its quote, hold a
   * backslash or a comment, or span lines in a single-quoted f-string.
   */
  private void checkPre312Fstring(int startTok, int endTok) {
    int startLen = lx.end[startTok] - lx.start[startTok];
    byte quote = src[lx.end[startTok] - 1];
    boolean triple =
        startLen >= 4 && src[lx.end[startTok] - 2] == quote && src[lx.end[startTok] - 3] == quote;
    for (int i = startTok + 1; i < endTok; i++) {
      int tt = type[i];
      if (tt != STRING && tt != FSTRING_START) {
        continue;
      }
      int k = lx.start[i];
      while (src[k] != '\'' && src[k] != '"') {
        k++;
      }
      byte q = src[k];
      boolean innerTriple = lx.end[i] - k >= 6 && src[k + 1] == q && src[k + 2] == q;
      if (q == quote && (!triple || innerTriple)) {
        problems.add(versionProblem(i, "f-string expression reusing the enclosing quote"));
        return;
      }
      for (int b = lx.start[i]; b < lx.end[i]; b++) {
        if (src[b] == '\\') {
          problems.add(versionProblem(i, "backslash in f-string expression"));
          return;
        }
      }
    }
    for (Comment c : lx.comments) {
      int off = lx.lineStart(c.line()) + c.column();
      if (off > lx.start[startTok] && off < lx.start[endTok]) {
        problems.add(versionProblem(startTok, "comment in f-string expression"));
        return;
      }
    }
    if (!triple && sline[startTok] != eline[endTok]) {
      problems.add(versionProblem(startTok, "line break in single-quoted f-string"));
    }
  }

  private Problem versionProblem(int i, String feature) {
    return new Problem(
        feature + " requires Python 3.12 or newer (target version is " + target + ")",
        sline[i],
        scol[i],
        eline[i],
        ecol[i],
        SyntaxError.Kind.SYNTAX_ERROR,
        false,
        false,
        0,
        0);
  }
}
