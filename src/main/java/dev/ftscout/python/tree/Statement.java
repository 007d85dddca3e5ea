package dev.ftscout.python.tree;

import java.util.List;
import java.util.Optional;

/**
 * A statement node: {@code ast.stmt}. Each nested record is one of CPython's statement classes,
 * with the same name and fields (in the same order, {@code type_comment} left out), and the node's
 * {@link Span}.
 */
public sealed interface Statement extends Node, Located {

  /** What {@code def} and {@code async def} have in common, for rules that treat them alike. */
  sealed interface FunctionDefinition extends Statement permits FunctionDef, AsyncFunctionDef {
    String name();

    Arguments args();

    List<Statement> body();

    List<Expression> decoratorList();

    Optional<Expression> returns();

    List<TypeParam> typeParams();

    /** Whether this is an {@code async def}. */
    boolean isAsync();
  }

  /** {@code def name(args) -> returns: body}. */
  record FunctionDef(
      String name,
      Arguments args,
      List<Statement> body,
      List<Expression> decoratorList,
      Optional<Expression> returns,
      List<TypeParam> typeParams,
      Span span)
      implements FunctionDefinition {
    public FunctionDef {
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }

    @Override
    public boolean isAsync() {
      return false;
    }
  }

  /** {@code async def name(args) -> returns: body}. */
  record AsyncFunctionDef(
      String name,
      Arguments args,
      List<Statement> body,
      List<Expression> decoratorList,
      Optional<Expression> returns,
      List<TypeParam> typeParams,
      Span span)
      implements FunctionDefinition {
    public AsyncFunctionDef {
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }

    @Override
    public boolean isAsync() {
      return true;
    }
  }

  /** {@code class name(bases, keywords): body}. */
  record ClassDef(
      String name,
      List<Expression> bases,
      List<Keyword> keywords,
      List<Statement> body,
      List<Expression> decoratorList,
      List<TypeParam> typeParams,
      Span span)
      implements Statement {
    public ClassDef {
      bases = List.copyOf(bases);
      keywords = List.copyOf(keywords);
      body = List.copyOf(body);
      decoratorList = List.copyOf(decoratorList);
      typeParams = List.copyOf(typeParams);
    }
  }

  /** {@code return value}. */
  record Return(Optional<Expression> value, Span span) implements Statement {}

  /** {@code del targets}. */
  record Delete(List<Expression> targets, Span span) implements Statement {
    public Delete {
      targets = List.copyOf(targets);
    }
  }

  /** {@code t1 = t2 = value}. */
  record Assign(List<Expression> targets, Expression value, Span span) implements Statement {
    public Assign {
      targets = List.copyOf(targets);
    }
  }

  /** {@code type name[type_params] = value} (PEP 695). */
  record TypeAlias(Expression name, List<TypeParam> typeParams, Expression value, Span span)
      implements Statement {
    public TypeAlias {
      typeParams = List.copyOf(typeParams);
    }
  }

  /** {@code target op= value}. */
  record AugAssign(Expression target, Operator op, Expression value, Span span)
      implements Statement {}

  /**
   * {@code target: annotation = value}; {@code simple} is true for a bare name not in parentheses.
   */
  record AnnAssign(
      Expression target,
      Expression annotation,
      Optional<Expression> value,
      boolean simple,
      Span span)
      implements Statement {}

  /** {@code for target in iter: body else: orelse}. */
  record For(
      Expression target, Expression iter, List<Statement> body, List<Statement> orelse, Span span)
      implements Statement {
    public For {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code async for target in iter: body else: orelse}. */
  record AsyncFor(
      Expression target, Expression iter, List<Statement> body, List<Statement> orelse, Span span)
      implements Statement {
    public AsyncFor {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code while test: body else: orelse}. */
  record While(Expression test, List<Statement> body, List<Statement> orelse, Span span)
      implements Statement {
    public While {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code if test: body else: orelse}; an {@code elif} is a nested {@code If} in orelse. */
  record If(Expression test, List<Statement> body, List<Statement> orelse, Span span)
      implements Statement {
    public If {
      body = List.copyOf(body);
      orelse = List.copyOf(orelse);
    }
  }

  /** {@code with items: body}. */
  record With(List<WithItem> items, List<Statement> body, Span span) implements Statement {
    public With {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }
  }

  /** {@code async with items: body}. */
  record AsyncWith(List<WithItem> items, List<Statement> body, Span span) implements Statement {
    public AsyncWith {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }
  }

  /** {@code match subject: cases}. */
  record Match(Expression subject, List<MatchCase> cases, Span span) implements Statement {
    public Match {
      cases = List.copyOf(cases);
    }
  }

  /** {@code raise exc from cause}. */
  record Raise(Optional<Expression> exc, Optional<Expression> cause, Span span)
      implements Statement {}

  /** {@code try: body except...: handlers else: orelse finally: finalbody}. */
  record Try(
      List<Statement> body,
      List<ExceptHandler> handlers,
      List<Statement> orelse,
      List<Statement> finalbody,
      Span span)
      implements Statement {
    public Try {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orelse = List.copyOf(orelse);
      finalbody = List.copyOf(finalbody);
    }
  }

  /** {@code try} with {@code except*} handlers (PEP 654). */
  record TryStar(
      List<Statement> body,
      List<ExceptHandler> handlers,
      List<Statement> orelse,
      List<Statement> finalbody,
      Span span)
      implements Statement {
    public TryStar {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orelse = List.copyOf(orelse);
      finalbody = List.copyOf(finalbody);
    }
  }

  /** {@code assert test, msg}. */
  record Assert(Expression test, Optional<Expression> msg, Span span) implements Statement {}

  /** {@code import a.b as c, d}. */
  record Import(List<Alias> names, Span span) implements Statement {
    public Import {
      names = List.copyOf(names);
    }
  }

  /** {@code from ..module import names}; {@code level} counts the leading dots. */
  record ImportFrom(Optional<String> module, List<Alias> names, int level, Span span)
      implements Statement {
    public ImportFrom {
      names = List.copyOf(names);
    }
  }

  /** {@code global names}. */
  record Global(List<String> names, Span span) implements Statement {
    public Global {
      names = List.copyOf(names);
    }
  }

  /** {@code nonlocal names}. */
  record Nonlocal(List<String> names, Span span) implements Statement {
    public Nonlocal {
      names = List.copyOf(names);
    }
  }

  /** An expression used as a statement. */
  record Expr(Expression value, Span span) implements Statement {}

  /** {@code pass}. */
  record Pass(Span span) implements Statement {}

  /** {@code break}. */
  record Break(Span span) implements Statement {}

  /** {@code continue}. */
  record Continue(Span span) implements Statement {}
}
