package dev.ftscout.python.tree;

import java.util.Optional;

/**
 * An expression node: {@code ast.expr}. Each nested record is one of CPython's expression classes,
 * with the same name and fields (in the same order), and the node's {@link Span}.
 *
 * <p>{@code java.util.List} is written out in full here because two node kinds are named {@code
 * List} and {@code Set}, as in Python.
 */
public sealed interface Expression extends Node, Located {

  /** {@code a and b and c}. */
  record BoolOp(BoolOperator op, java.util.List<Expression> values, Span span)
      implements Expression {
    public BoolOp {
      values = java.util.List.copyOf(values);
    }
  }

  /** {@code target := value}. */
  record NamedExpr(Expression target, Expression value, Span span) implements Expression {}

  /** {@code left op right}. */
  record BinOp(Expression left, Operator op, Expression right, Span span) implements Expression {}

  /** {@code op operand}. */
  record UnaryOp(UnaryOperator op, Expression operand, Span span) implements Expression {}

  /** {@code lambda args: body}. */
  record Lambda(Arguments args, Expression body, Span span) implements Expression {}

  /** {@code body if test else orelse}. */
  record IfExp(Expression test, Expression body, Expression orelse, Span span)
      implements Expression {}

  /** A dict display; an empty key marks a {@code **mapping} entry. */
  record Dict(
      java.util.List<Optional<Expression>> keys, java.util.List<Expression> values, Span span)
      implements Expression {
    public Dict {
      keys = java.util.List.copyOf(keys);
      values = java.util.List.copyOf(values);
    }
  }

  /** A set display {@code {a, b}}. */
  record Set(java.util.List<Expression> elts, Span span) implements Expression {
    public Set {
      elts = java.util.List.copyOf(elts);
    }
  }

  /** {@code [elt for ...]}. */
  record ListComp(Expression elt, java.util.List<Comprehension> generators, Span span)
      implements Expression {
    public ListComp {
      generators = java.util.List.copyOf(generators);
    }
  }

  /** {@code {elt for ...}}. */
  record SetComp(Expression elt, java.util.List<Comprehension> generators, Span span)
      implements Expression {
    public SetComp {
      generators = java.util.List.copyOf(generators);
    }
  }

  /** {@code {key: value for ...}}. */
  record DictComp(
      Expression key, Expression value, java.util.List<Comprehension> generators, Span span)
      implements Expression {
    public DictComp {
      generators = java.util.List.copyOf(generators);
    }
  }

  /** {@code (elt for ...)}. */
  record GeneratorExp(Expression elt, java.util.List<Comprehension> generators, Span span)
      implements Expression {
    public GeneratorExp {
      generators = java.util.List.copyOf(generators);
    }
  }

  /** {@code await value}. */
  record Await(Expression value, Span span) implements Expression {}

  /** {@code yield} or {@code yield value}. */
  record Yield(Optional<Expression> value, Span span) implements Expression {}

  /** {@code yield from value}. */
  record YieldFrom(Expression value, Span span) implements Expression {}

  /** {@code left op1 c1 op2 c2 ...}. */
  record Compare(
      Expression left,
      java.util.List<CmpOperator> ops,
      java.util.List<Expression> comparators,
      Span span)
      implements Expression {
    public Compare {
      ops = java.util.List.copyOf(ops);
      comparators = java.util.List.copyOf(comparators);
    }
  }

  /** {@code func(args, keywords)}. */
  record Call(
      Expression func, java.util.List<Expression> args, java.util.List<Keyword> keywords, Span span)
      implements Expression {
    public Call {
      args = java.util.List.copyOf(args);
      keywords = java.util.List.copyOf(keywords);
    }
  }

  /**
   * One {@code {value!conversion:format_spec}} field of an f-string; {@code conversion} is -1 or
   * the code point of {@code s}, {@code r} or {@code a}.
   */
  record FormattedValue(
      Expression value, int conversion, Optional<Expression> formatSpec, Span span)
      implements Expression {}

  /** One field of a t-string (PEP 750); {@code str} is the expression's source text. */
  record Interpolation(
      Expression value, String str, int conversion, Optional<Expression> formatSpec, Span span)
      implements Expression {}

  /** An f-string: literal parts ({@link Constant}) and {@link FormattedValue}s. */
  record JoinedStr(java.util.List<Expression> values, Span span) implements Expression {
    public JoinedStr {
      values = java.util.List.copyOf(values);
    }
  }

  /** A t-string (PEP 750): literal parts ({@link Constant}) and {@link Interpolation}s. */
  record TemplateStr(java.util.List<Expression> values, Span span) implements Expression {
    public TemplateStr {
      values = java.util.List.copyOf(values);
    }
  }

  /** A literal; {@code kind} is {@code "u"} for a {@code u"..."} string. */
  record Constant(ConstantValue value, Optional<String> kind, Span span) implements Expression {}

  /** {@code value.attr}. */
  record Attribute(Expression value, String attr, ExprContext ctx, Span span)
      implements Expression {}

  /** {@code value[slice]}. */
  record Subscript(Expression value, Expression slice, ExprContext ctx, Span span)
      implements Expression {}

  /** {@code *value}. */
  record Starred(Expression value, ExprContext ctx, Span span) implements Expression {}

  /** A name. */
  record Name(String id, ExprContext ctx, Span span) implements Expression {}

  /** A list display or list target. */
  record List(java.util.List<Expression> elts, ExprContext ctx, Span span) implements Expression {
    public List {
      elts = java.util.List.copyOf(elts);
    }
  }

  /** A tuple display or tuple target. */
  record Tuple(java.util.List<Expression> elts, ExprContext ctx, Span span) implements Expression {
    public Tuple {
      elts = java.util.List.copyOf(elts);
    }
  }

  /** {@code lower:upper:step} inside a subscript. */
  record Slice(
      Optional<Expression> lower, Optional<Expression> upper, Optional<Expression> step, Span span)
      implements Expression {}
}
