package dev.ftscout.python.tree;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a tree back into Python source, as {@code ast.unparse} does: the output parses back to the
 * same tree (positions aside), with the parentheses precedence requires and no others. Comments and
 * the original layout are not kept. The output uses Python 3.12+ f-string syntax.
 */
public final class Unparser {

  /** Operator precedence, lowest first, as {@code ast._Precedence}. */
  private enum Prec {
    NAMED_EXPR,
    TUPLE,
    YIELD,
    TEST,
    OR,
    AND,
    NOT,
    CMP,
    EXPR,
    BXOR,
    BAND,
    SHIFT,
    ARITH,
    TERM,
    FACTOR,
    POWER,
    AWAIT,
    ATOM;

    Prec next() {
      for (Prec p : values()) {
        if (p.compareTo(this) > 0) {
          return p;
        }
      }
      return ATOM;
    }
  }

  private static final Prec BOR = Prec.EXPR;
  private static final String INF = "1e309";

  private final StringBuilder out = new StringBuilder();
  private int indent;

  private Unparser() {}

  /** Python source for a module, a statement, an expression or a pattern. */
  public static String unparse(Node node) {
    Unparser u = new Unparser();
    switch (node) {
      case Module m -> u.statements(m.body());
      case Statement s -> u.statement(s);
      case Expression e -> u.expr(e, Prec.TEST);
      case Pattern p -> u.pattern(p, Prec.TEST);
      default ->
          throw new IllegalArgumentException("cannot unparse " + node.getClass().getSimpleName());
    }
    return u.out.toString();
  }

  // ---- statements ---------------------------------------------------------------------------

  private void line() {
    if (!out.isEmpty()) {
      out.append('\n');
    }
    out.append("    ".repeat(indent));
  }

  private void statements(List<Statement> body) {
    for (Statement s : body) {
      statement(s);
    }
  }

  private void block(List<Statement> body) {
    out.append(':');
    indent++;
    statements(body);
    indent--;
  }

  private void statement(Statement s) {
    switch (s) {
      case Statement.Expr e -> {
        line();
        expr(e.value(), Prec.YIELD);
      }
      case Statement.FunctionDefinition f -> functionDef(f);
      case Statement.ClassDef c -> {
        decorators(c.decoratorList());
        line();
        out.append("class ").append(c.name());
        typeParams(c.typeParams());
        if (!c.bases().isEmpty() || !c.keywords().isEmpty()) {
          out.append('(');
          callArgs(c.bases(), c.keywords());
          out.append(')');
        }
        block(c.body());
      }
      case Statement.Return r -> {
        line();
        out.append("return");
        r.value()
            .ifPresent(v -> {
              out.append(' ');
              expr(v, Prec.TUPLE);
            });
      }
      case Statement.Delete d -> {
        line();
        out.append("del ");
        join(d.targets(), Prec.TEST);
      }
      case Statement.Assign a -> {
        line();
        for (Expression t : a.targets()) {
          expr(t, Prec.TUPLE);
          out.append(" = ");
        }
        expr(a.value(), Prec.YIELD);
      }
      case Statement.TypeAlias t -> {
        line();
        out.append("type ");
        expr(t.name(), Prec.ATOM);
        typeParams(t.typeParams());
        out.append(" = ");
        expr(t.value(), Prec.TEST);
      }
      case Statement.AugAssign a -> {
        line();
        expr(a.target(), Prec.TUPLE);
        out.append(' ').append(a.op().symbol()).append("= ");
        expr(a.value(), Prec.YIELD);
      }
      case Statement.AnnAssign a -> {
        line();
        boolean parens = !a.simple() && a.target() instanceof Expression.Name;
        if (parens) {
          out.append('(');
        }
        expr(a.target(), Prec.TUPLE);
        if (parens) {
          out.append(')');
        }
        out.append(": ");
        expr(a.annotation(), Prec.TEST);
        a.value()
            .ifPresent(v -> {
              out.append(" = ");
              expr(v, Prec.YIELD);
            });
      }
      case Statement.For f -> forStatement("for ", f.target(), f.iter(), f.body(), f.orelse());
      case Statement.AsyncFor f ->
          forStatement("async for ", f.target(), f.iter(), f.body(), f.orelse());
      case Statement.While w -> {
        line();
        out.append("while ");
        expr(w.test(), Prec.NAMED_EXPR);
        block(w.body());
        orElse(w.orelse());
      }
      case Statement.If i -> {
        line();
        out.append("if ");
        expr(i.test(), Prec.NAMED_EXPR);
        block(i.body());
        List<Statement> orelse = i.orelse();
        while (orelse.size() == 1 && orelse.get(0) instanceof Statement.If elif) {
          line();
          out.append("elif ");
          expr(elif.test(), Prec.NAMED_EXPR);
          block(elif.body());
          orelse = elif.orelse();
        }
        orElse(orelse);
      }
      case Statement.With w -> withStatement("with ", w.items(), w.body());
      case Statement.AsyncWith w -> withStatement("async with ", w.items(), w.body());
      case Statement.Match m -> {
        line();
        out.append("match ");
        expr(m.subject(), Prec.TUPLE);
        out.append(':');
        indent++;
        for (MatchCase c : m.cases()) {
          line();
          out.append("case ");
          pattern(c.pattern(), Prec.TEST);
          c.guard()
              .ifPresent(g -> {
                out.append(" if ");
                expr(g, Prec.NAMED_EXPR);
              });
          block(c.body());
        }
        indent--;
      }
      case Statement.Raise r -> {
        line();
        out.append("raise");
        r.exc()
            .ifPresent(e -> {
              out.append(' ');
              expr(e, Prec.TEST);
            });
        r.cause()
            .ifPresent(c -> {
              out.append(" from ");
              expr(c, Prec.TEST);
            });
      }
      case Statement.Try t ->
          tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody(), false);
      case Statement.TryStar t ->
          tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody(), true);
      case Statement.Assert a -> {
        line();
        out.append("assert ");
        expr(a.test(), Prec.TEST);
        a.msg()
            .ifPresent(m -> {
              out.append(", ");
              expr(m, Prec.TEST);
            });
      }
      case Statement.Import i -> {
        line();
        out.append("import ");
        aliases(i.names());
      }
      case Statement.ImportFrom i -> {
        line();
        out.append("from ")
            .append(".".repeat(i.level()))
            .append(i.module().orElse(""))
            .append(" import ");
        aliases(i.names());
      }
      case Statement.Global g -> {
        line();
        out.append("global ").append(String.join(", ", g.names()));
      }
      case Statement.Nonlocal n -> {
        line();
        out.append("nonlocal ").append(String.join(", ", n.names()));
      }
      case Statement.Pass p -> {
        line();
        out.append("pass");
      }
      case Statement.Break b -> {
        line();
        out.append("break");
      }
      case Statement.Continue c -> {
        line();
        out.append("continue");
      }
    }
  }

  private void decorators(List<Expression> decorators) {
    for (Expression d : decorators) {
      line();
      out.append('@');
      expr(d, Prec.NAMED_EXPR);
    }
  }

  private void functionDef(Statement.FunctionDefinition f) {
    decorators(f.decoratorList());
    line();
    out.append(f.isAsync() ? "async def " : "def ").append(f.name());
    typeParams(f.typeParams());
    out.append('(');
    arguments(f.args(), true);
    out.append(')');
    f.returns()
        .ifPresent(r -> {
          out.append(" -> ");
          expr(r, Prec.TEST);
        });
    block(f.body());
  }

  private void typeParams(List<TypeParam> params) {
    if (params.isEmpty()) {
      return;
    }
    out.append('[');
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      switch (params.get(i)) {
        case TypeParam.TypeVar v -> {
          out.append(v.name());
          v.bound()
              .ifPresent(b -> {
                out.append(": ");
                expr(b, Prec.TEST);
              });
          v.defaultValue()
              .ifPresent(d -> {
                out.append(" = ");
                expr(d, Prec.TEST);
              });
        }
        case TypeParam.TypeVarTuple v -> {
          out.append('*').append(v.name());
          v.defaultValue()
              .ifPresent(d -> {
                out.append(" = ");
                expr(d, Prec.TEST);
              });
        }
        case TypeParam.ParamSpec v -> {
          out.append("**").append(v.name());
          v.defaultValue()
              .ifPresent(d -> {
                out.append(" = ");
                expr(d, Prec.TEST);
              });
        }
      }
    }
    out.append(']');
  }

  private void forStatement(
      String keyword,
      Expression target,
      Expression iter,
      List<Statement> body,
      List<Statement> orelse) {
    line();
    out.append(keyword);
    expr(target, Prec.TUPLE);
    out.append(" in ");
    expr(iter, Prec.TUPLE);
    block(body);
    orElse(orelse);
  }

  private void orElse(List<Statement> orelse) {
    if (!orelse.isEmpty()) {
      line();
      out.append("else");
      block(orelse);
    }
  }

  private void withStatement(String keyword, List<WithItem> items, List<Statement> body) {
    line();
    out.append(keyword);
    // "with (a, b):" would read as two context managers; one tuple needs a second pair.
    boolean loneTuple =
        items.size() == 1
            && items.get(0).optionalVars().isEmpty()
            && items.get(0).contextExpr() instanceof Expression.Tuple;
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      WithItem item = items.get(i);
      if (loneTuple) {
        out.append('(');
      }
      expr(item.contextExpr(), Prec.TEST);
      if (loneTuple) {
        out.append(')');
      }
      item.optionalVars()
          .ifPresent(v -> {
            out.append(" as ");
            expr(v, Prec.TEST);
          });
    }
    block(body);
  }

  private void tryStatement(
      List<Statement> body,
      List<ExceptHandler> handlers,
      List<Statement> orelse,
      List<Statement> finalbody,
      boolean star) {
    line();
    out.append("try");
    block(body);
    for (ExceptHandler h : handlers) {
      line();
      out.append(star ? "except*" : "except");
      h.type()
          .ifPresent(t -> {
            out.append(' ');
            expr(t, Prec.TEST);
          });
      h.name().ifPresent(n -> out.append(" as ").append(n));
      block(h.body());
    }
    orElse(orelse);
    if (!finalbody.isEmpty()) {
      line();
      out.append("finally");
      block(finalbody);
    }
  }

  private void aliases(List<Alias> names) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      Alias a = names.get(i);
      out.append(a.name());
      a.asname().ifPresent(n -> out.append(" as ").append(n));
    }
  }

  private void arguments(Arguments a, boolean annotations) {
    boolean first = true;
    int positional = a.posonlyargs().size() + a.args().size();
    int firstDefault = positional - a.defaults().size();
    int index = 0;
    for (Arg arg : a.posonlyargs()) {
      first = comma(first);
      arg(arg, annotations);
      if (index >= firstDefault) {
        out.append('=');
        expr(a.defaults().get(index - firstDefault), Prec.TEST);
      }
      index++;
    }
    if (!a.posonlyargs().isEmpty()) {
      out.append(", /");
    }
    for (Arg arg : a.args()) {
      first = comma(first);
      arg(arg, annotations);
      if (index >= firstDefault) {
        out.append('=');
        expr(a.defaults().get(index - firstDefault), Prec.TEST);
      }
      index++;
    }
    if (a.vararg().isPresent() || !a.kwonlyargs().isEmpty()) {
      first = comma(first);
      out.append('*');
      a.vararg().ifPresent(v -> arg(v, annotations));
    }
    for (int i = 0; i < a.kwonlyargs().size(); i++) {
      first = comma(first);
      arg(a.kwonlyargs().get(i), annotations);
      Optional<Expression> d = a.kwDefaults().get(i);
      if (d.isPresent()) {
        out.append('=');
        expr(d.get(), Prec.TEST);
      }
    }
    if (a.kwarg().isPresent()) {
      comma(first);
      out.append("**");
      arg(a.kwarg().get(), annotations);
    }
  }

  private boolean comma(boolean first) {
    if (!first) {
      out.append(", ");
    }
    return false;
  }

  private void arg(Arg a, boolean annotations) {
    out.append(a.arg());
    if (annotations) {
      a.annotation()
          .ifPresent(t -> {
            out.append(": ");
            expr(t, t instanceof Expression.Starred ? Prec.EXPR : Prec.TEST);
          });
    }
  }

  // ---- expressions --------------------------------------------------------------------------

  private void join(List<Expression> items, Prec prec) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(items.get(i), prec);
    }
  }

  private static Prec precedence(Expression e) {
    return switch (e) {
      case Expression.NamedExpr n -> Prec.NAMED_EXPR;
      case Expression.Tuple t -> Prec.TUPLE;
      case Expression.Yield y -> Prec.YIELD;
      case Expression.YieldFrom y -> Prec.YIELD;
      case Expression.Lambda l -> Prec.TEST;
      case Expression.IfExp i -> Prec.TEST;
      case Expression.BoolOp b -> b.op() == BoolOperator.OR ? Prec.OR : Prec.AND;
      case Expression.UnaryOp u -> u.op() == UnaryOperator.NOT ? Prec.NOT : Prec.FACTOR;
      case Expression.Compare c -> Prec.CMP;
      case Expression.BinOp b -> binPrec(b.op());
      case Expression.Await a -> Prec.AWAIT;
      case Expression.Starred s -> Prec.EXPR;
      default -> Prec.ATOM;
    };
  }

  private static Prec binPrec(Operator op) {
    return switch (op) {
      case BIT_OR -> BOR;
      case BIT_XOR -> Prec.BXOR;
      case BIT_AND -> Prec.BAND;
      case L_SHIFT, R_SHIFT -> Prec.SHIFT;
      case ADD, SUB -> Prec.ARITH;
      case MULT, MAT_MULT, DIV, MOD, FLOOR_DIV -> Prec.TERM;
      case POW -> Prec.POWER;
    };
  }

  /** Writes {@code e} in a context that binds at least as tightly as {@code context}. */
  private void expr(Expression e, Prec context) {
    // A bare yield is only allowed where a whole statement's right-hand side is expected.
    boolean yield = e instanceof Expression.Yield || e instanceof Expression.YieldFrom;
    boolean parens = precedence(e).compareTo(context) < 0 || (yield && context != Prec.YIELD);
    if (parens) {
      out.append('(');
    }
    bare(e);
    if (parens) {
      out.append(')');
    }
  }

  private void bare(Expression e) {
    switch (e) {
      case Expression.BoolOp b -> {
        Prec p = b.op() == BoolOperator.OR ? Prec.OR : Prec.AND;
        for (int i = 0; i < b.values().size(); i++) {
          if (i > 0) {
            out.append(' ').append(b.op().symbol()).append(' ');
          }
          p = p.next();
          expr(b.values().get(i), p);
        }
      }
      case Expression.NamedExpr n -> {
        expr(n.target(), Prec.ATOM);
        out.append(" := ");
        expr(n.value(), Prec.ATOM);
      }
      case Expression.BinOp b -> {
        Prec p = binPrec(b.op());
        boolean right = b.op() == Operator.POW;
        expr(b.left(), right ? p.next() : p);
        out.append(' ').append(b.op().symbol()).append(' ');
        expr(b.right(), right ? p : p.next());
      }
      case Expression.UnaryOp u -> {
        out.append(u.op().symbol());
        if (u.op() == UnaryOperator.NOT) {
          out.append(' ');
          expr(u.operand(), Prec.NOT);
        } else {
          expr(u.operand(), Prec.FACTOR);
        }
      }
      case Expression.Lambda l -> {
        out.append("lambda");
        int before = out.length();
        out.append(' ');
        arguments(l.args(), false);
        if (out.length() == before + 1) {
          out.setLength(before);
        }
        out.append(": ");
        expr(l.body(), Prec.TEST);
      }
      case Expression.IfExp i -> {
        expr(i.body(), Prec.TEST.next());
        out.append(" if ");
        expr(i.test(), Prec.TEST.next());
        out.append(" else ");
        expr(i.orelse(), Prec.TEST);
      }
      case Expression.Dict d -> {
        out.append('{');
        for (int i = 0; i < d.values().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          Optional<Expression> k = d.keys().get(i);
          if (k.isPresent()) {
            expr(k.get(), Prec.TEST);
            out.append(": ");
            expr(d.values().get(i), Prec.TEST);
          } else {
            out.append("**");
            expr(d.values().get(i), Prec.EXPR);
          }
        }
        out.append('}');
      }
      case Expression.Set s -> {
        if (s.elts().isEmpty()) {
          out.append("{*()}");
        } else {
          out.append('{');
          join(s.elts(), Prec.TEST);
          out.append('}');
        }
      }
      case Expression.ListComp l -> {
        out.append('[');
        expr(l.elt(), Prec.TEST);
        generators(l.generators());
        out.append(']');
      }
      case Expression.SetComp s -> {
        out.append('{');
        expr(s.elt(), Prec.TEST);
        generators(s.generators());
        out.append('}');
      }
      case Expression.DictComp d -> {
        out.append('{');
        expr(d.key(), Prec.TEST);
        out.append(": ");
        expr(d.value(), Prec.TEST);
        generators(d.generators());
        out.append('}');
      }
      case Expression.GeneratorExp g -> {
        out.append('(');
        expr(g.elt(), Prec.TEST);
        generators(g.generators());
        out.append(')');
      }
      case Expression.Await a -> {
        out.append("await ");
        expr(a.value(), Prec.ATOM);
      }
      case Expression.Yield y -> {
        out.append("yield");
        y.value()
            .ifPresent(v -> {
              out.append(' ');
              expr(v, Prec.TUPLE);
            });
      }
      case Expression.YieldFrom y -> {
        out.append("yield from ");
        expr(y.value(), Prec.TEST);
      }
      case Expression.Compare c -> {
        expr(c.left(), Prec.CMP.next());
        for (int i = 0; i < c.ops().size(); i++) {
          out.append(' ').append(c.ops().get(i).symbol()).append(' ');
          expr(c.comparators().get(i), Prec.CMP.next());
        }
      }
      case Expression.Call c -> {
        expr(c.func(), Prec.ATOM);
        out.append('(');
        callArgs(c.args(), c.keywords());
        out.append(')');
      }
      case Expression.FormattedValue f -> fstring(List.of(f), 'f');
      case Expression.Interpolation i -> fstring(List.of(i), 't');
      case Expression.JoinedStr j -> fstring(j.values(), 'f');
      case Expression.TemplateStr t -> fstring(t.values(), 't');
      case Expression.Constant c -> constant(c);
      case Expression.Attribute a -> {
        expr(a.value(), Prec.ATOM);
        if (a.value() instanceof Expression.Constant c
            && c.value() instanceof ConstantValue.IntValue) {
          out.append(' ');
        }
        out.append('.').append(a.attr());
      }
      case Expression.Subscript s -> {
        expr(s.value(), Prec.ATOM);
        out.append('[');
        if (s.slice() instanceof Expression.Tuple t && !t.elts().isEmpty()) {
          join(t.elts(), Prec.TEST);
          if (t.elts().size() == 1) {
            out.append(',');
          }
        } else {
          expr(s.slice(), Prec.TUPLE);
        }
        out.append(']');
      }
      case Expression.Starred s -> {
        out.append('*');
        expr(s.value(), Prec.EXPR);
      }
      case Expression.Name n -> out.append(n.id());
      case Expression.List l -> {
        out.append('[');
        join(l.elts(), Prec.TEST);
        out.append(']');
      }
      case Expression.Tuple t -> {
        // Always parenthesised: valid in every context, and it keeps the tree the same.
        out.append('(');
        join(t.elts(), Prec.TEST);
        if (t.elts().size() == 1) {
          out.append(',');
        }
        out.append(')');
      }
      case Expression.Slice s -> {
        s.lower().ifPresent(l -> expr(l, Prec.TEST));
        out.append(':');
        s.upper().ifPresent(u -> expr(u, Prec.TEST));
        s.step()
            .ifPresent(st -> {
              out.append(':');
              expr(st, Prec.TEST);
            });
      }
    }
  }

  private void generators(List<Comprehension> generators) {
    for (Comprehension g : generators) {
      out.append(g.isAsync() ? " async for " : " for ");
      expr(g.target(), Prec.TUPLE);
      out.append(" in ");
      expr(g.iter(), Prec.TEST.next());
      for (Expression i : g.ifs()) {
        out.append(" if ");
        expr(i, Prec.TEST.next());
      }
    }
  }

  private void callArgs(List<Expression> args, List<Keyword> keywords) {
    boolean first = true;
    for (Expression a : args) {
      first = comma(first);
      expr(a, Prec.TEST);
    }
    for (Keyword k : keywords) {
      first = comma(first);
      if (k.arg().isPresent()) {
        out.append(k.arg().get()).append('=');
        expr(k.value(), Prec.TEST);
      } else {
        out.append("**");
        expr(k.value(), Prec.EXPR);
      }
    }
  }

  // ---- literals -----------------------------------------------------------------------------

  private void constant(Expression.Constant c) {
    if (c.kind().isPresent() && c.value() instanceof ConstantValue.StrValue) {
      out.append(c.kind().get());
    }
    literal(c.value());
  }

  private void literal(ConstantValue v) {
    switch (v) {
      case ConstantValue.NoneValue n -> out.append("None");
      case ConstantValue.BoolValue b -> out.append(b.value() ? "True" : "False");
      case ConstantValue.EllipsisValue e -> out.append("...");
      case ConstantValue.IntValue i -> out.append(i.value());
      case ConstantValue.FloatValue f -> out.append(floatText(f.value()));
      case ConstantValue.ComplexValue j -> out.append(floatText(j.imag())).append('j');
      case ConstantValue.StrValue s -> out.append(stringLiteral(s.value()));
      case ConstantValue.BytesValue b -> out.append(bytesLiteral(b.latin1()));
    }
  }

  private static String floatText(double d) {
    if (Double.isInfinite(d)) {
      return INF;
    }
    return Double.toString(d);
  }

  /** A {@code str} literal for {@code s}, quoted the way Python's {@code repr} quotes it. */
  static String stringLiteral(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder(s.length() + 2);
    sb.append(q);
    escapeInto(sb, s, q, false);
    sb.append(q);
    return sb.toString();
  }

  private static void escapeInto(StringBuilder sb, String s, char quote, boolean braces) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        sb.append('\\').append((char) cp);
      } else if (braces && (cp == '{' || cp == '}')) {
        sb.append((char) cp).append((char) cp);
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp < 0x20 || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp >= 0x80 && !printable(cp)) {
        if (cp < 0x100) {
          sb.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          sb.append(String.format("\\u%04x", cp));
        } else {
          sb.append(String.format("\\U%08x", cp));
        }
      } else {
        sb.appendCodePoint(cp);
      }
    }
  }

  private static boolean printable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  private static String bytesLiteral(String latin1) {
    char q = latin1.indexOf('\'') >= 0 && latin1.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder("b").append(q);
    for (int i = 0; i < latin1.length(); i++) {
      char c = latin1.charAt(i);
      if (c == q || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(q).toString();
  }

  /** An f-string or t-string (PEP 701 syntax: nested quotes and backslashes are fine). */
  private void fstring(List<Expression> values, char prefix) {
    out.append(prefix).append('"');
    fstringBody(values);
    out.append('"');
  }

  private void fstringBody(List<Expression> values) {
    for (Expression v : values) {
      switch (v) {
        case Expression.Constant c when c.value() instanceof ConstantValue.StrValue s ->
            escapeInto(out, s.value(), '"', true);
        case Expression.FormattedValue f -> field(f.value(), null, f.conversion(), f.formatSpec());
        case Expression.Interpolation i ->
            field(i.value(), i.str(), i.conversion(), i.formatSpec());
        default ->
            throw new IllegalArgumentException(
                "unexpected f-string part " + v.getClass().getSimpleName());
      }
    }
  }

  private void field(
      Expression value, @Nullable String text, int conversion, Optional<Expression> spec) {
    out.append('{');
    int start = out.length();
    if (text != null) {
      out.append(text);
    } else {
      expr(value, Prec.TEST.next());
    }
    if (out.length() > start && out.charAt(start) == '{') {
      out.insert(start, ' ');
    }
    if (conversion >= 0) {
      out.append('!').append((char) conversion);
    }
    if (spec.isPresent()) {
      out.append(':');
      Expression s = spec.get();
      List<Expression> parts =
          s instanceof Expression.JoinedStr j
              ? j.values()
              : s instanceof Expression.TemplateStr t ? t.values() : List.of(s);
      fstringBody(parts);
    }
    out.append('}');
  }

  // ---- patterns -----------------------------------------------------------------------------

  private void pattern(Pattern p, Prec context) {
    switch (p) {
      case Pattern.MatchValue v -> expr(v.value(), Prec.EXPR);
      case Pattern.MatchSingleton s -> literal(s.value());
      case Pattern.MatchSequence s -> {
        out.append('[');
        for (int i = 0; i < s.patterns().size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          pattern(s.patterns().get(i), Prec.TEST);
        }
        out.append(']');
      }
      case Pattern.MatchMapping m -> {
        out.append('{');
        boolean first = true;
        for (int i = 0; i < m.keys().size(); i++) {
          first = comma(first);
          expr(m.keys().get(i), Prec.EXPR);
          out.append(": ");
          pattern(m.patterns().get(i), Prec.TEST);
        }
        if (m.rest().isPresent()) {
          comma(first);
          out.append("**").append(m.rest().get());
        }
        out.append('}');
      }
      case Pattern.MatchClass c -> {
        expr(c.cls(), Prec.ATOM);
        out.append('(');
        boolean first = true;
        for (Pattern q : c.patterns()) {
          first = comma(first);
          pattern(q, Prec.TEST);
        }
        for (int i = 0; i < c.kwdAttrs().size(); i++) {
          first = comma(first);
          out.append(c.kwdAttrs().get(i)).append('=');
          pattern(c.kwdPatterns().get(i), Prec.TEST);
        }
        out.append(')');
      }
      case Pattern.MatchStar s -> out.append('*').append(s.name().orElse("_"));
      case Pattern.MatchAs a -> {
        if (a.pattern().isEmpty()) {
          out.append(a.name().orElse("_"));
          return;
        }
        boolean parens = context.compareTo(Prec.TEST) > 0;
        if (parens) {
          out.append('(');
        }
        pattern(a.pattern().get(), BOR);
        out.append(" as ").append(a.name().orElse("_"));
        if (parens) {
          out.append(')');
        }
      }
      case Pattern.MatchOr o -> {
        boolean parens = context.compareTo(BOR) > 0;
        if (parens) {
          out.append('(');
        }
        for (int i = 0; i < o.patterns().size(); i++) {
          if (i > 0) {
            out.append(" | ");
          }
          pattern(o.patterns().get(i), BOR.next());
        }
        if (parens) {
          out.append(')');
        }
      }
    }
  }
}
