package dev.ftscout.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random, syntactically valid Python programs from the grammar, for property tests: every
 * statement and expression form of 3.8–3.13 (3.14's t-strings and bare except lists when asked),
 * nested to a random depth, with random but legal layout (comments, blank lines, line breaks inside
 * brackets, semicolons). The same seed always gives the same program.
 */
final class ProgramGenerator {
  private static final String[] NAMES = {
    "a",
    "b",
    "c",
    "x",
    "y",
    "value",
    "items",
    "self",
    "_",
    "counter",
    "cache",
    "data",
    "\u00e9t\u00e9"
  };
  private static final String[] ATTRS = {"append", "get", "real", "items", "name", "_private"};
  private static final String[] BINOPS = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"
  };
  private static final String[] CMPOPS = {
    "<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "is not"
  };
  private static final String[] AUGOPS = {
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="
  };

  private final Random random;
  private final boolean py314;
  private final StringBuilder out = new StringBuilder();
  private int indent;
  private int depth;
  private boolean inFunction;
  private boolean inAsync;
  private boolean inLoop;
  private int bracketDepth;

  ProgramGenerator(long seed, boolean py314) {
    this.random = new Random(seed);
    this.py314 = py314;
  }

  /** A program of about {@code statements} top-level statements. */
  String program(int statements) {
    for (int i = 0; i < statements; i++) {
      statement();
    }
    return out.toString();
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  private String name() {
    return pick(NAMES);
  }

  private void line(String text) {
    if (chance(5)) {
      out.append("    ".repeat(indent))
          .append("# comment ")
          .append(random.nextInt(100))
          .append('\n');
    }
    if (chance(5)) {
      out.append('\n');
    }
    out.append("    ".repeat(indent)).append(text);
    if (chance(8)) {
      out.append("  # trailing");
    }
    out.append('\n');
  }

  private void block(Runnable body) {
    indent++;
    int n = 1 + random.nextInt(depth > 2 ? 1 : 3);
    for (int i = 0; i < n; i++) {
      body.run();
    }
    indent--;
  }

  private void body() {
    block(this::statement);
  }

  // ---- statements ---------------------------------------------------------------------------

  private void statement() {
    depth++;
    try {
      int kind = random.nextInt(depth > 3 ? 10 : 24);
      switch (kind) {
        case 0, 1, 2 -> line(simple());
        case 3 -> line(simple() + "; " + simple());
        case 4 -> line(target() + " = " + exprOrTuple());
        case 5 -> line(name() + " " + pick(AUGOPS) + " " + expr());
        case 6 -> line(annotated());
        case 7 -> line("return " + exprOrTuple());
        case 8 -> line(importStatement());
        case 9 -> line("assert " + expr() + (chance(50) ? ", " + string() : ""));
        case 10, 11 -> ifStatement();
        case 12 -> loop();
        case 13 -> withStatement();
        case 14 -> tryStatement();
        case 15, 16 -> functionDef();
        case 17 -> classDef();
        case 18 -> matchStatement();
        case 19 -> line("del " + name() + (chance(50) ? ", " + name() + "[" + expr() + "]" : ""));
        case 20 -> line("raise " + call() + (chance(40) ? " from " + name() : ""));
        case 21 -> line("type " + "Alias" + random.nextInt(9) + typeParams() + " = " + expr());
        case 22 -> line(name() + " = " + (inFunction && chance(50) ? "yield " + expr() : expr()));
        default -> line("pass");
      }
    } finally {
      depth--;
    }
  }

  private String simple() {
    return switch (random.nextInt(6)) {
      case 0 -> "pass";
      case 1 -> call();
      case 2 -> inLoop ? (chance(50) ? "break" : "continue") : "pass";
      case 3 -> name() + "." + pick(ATTRS) + " = " + expr();
      case 4 -> "global " + name();
      default -> expr();
    };
  }

  private String target() {
    return switch (random.nextInt(6)) {
      case 0 -> name() + ", *" + name();
      case 1 -> "[" + name() + ", (" + name() + ", " + name() + ")]";
      case 2 -> name() + "[" + expr() + "]";
      case 3 -> name() + "." + pick(ATTRS);
      case 4 -> name() + " = " + name();
      default -> name();
    };
  }

  private String annotated() {
    String t = chance(70) ? name() : "(" + name() + ")";
    return t + ": " + annotation() + (chance(60) ? " = " + expr() : "");
  }

  private String annotation() {
    return switch (random.nextInt(4)) {
      case 0 -> "int";
      case 1 -> "list[" + name() + "]";
      case 2 -> "'forward'";
      default -> name() + " | None";
    };
  }

  private String importStatement() {
    return switch (random.nextInt(4)) {
      case 0 -> "import os, os.path as p";
      case 1 -> "from collections import (defaultdict as dd,\n    OrderedDict,)";
      case 2 -> "from " + ".".repeat(1 + random.nextInt(3)) + " import " + name();
      default -> "import threading";
    };
  }

  private void ifStatement() {
    line("if " + namedExpr() + ":");
    body();
    while (chance(30)) {
      line("elif " + expr() + ":");
      body();
    }
    if (chance(40)) {
      line("else:");
      body();
    }
  }

  private void loop() {
    boolean saved = inLoop;
    inLoop = true;
    if (chance(50)) {
      String head = inAsync && chance(40) ? "async for " : "for ";
      line(head + forTarget() + " in " + exprOrTuple() + ":");
    } else {
      line("while " + namedExpr() + ":");
    }
    body();
    inLoop = saved;
    if (chance(25)) {
      line("else:");
      body();
    }
  }

  private String forTarget() {
    return switch (random.nextInt(3)) {
      case 0 -> name() + ", " + name();
      case 1 -> "(" + name() + ", *" + name() + ")";
      default -> name();
    };
  }

  private void withStatement() {
    String head = inAsync && chance(40) ? "async with " : "with ";
    String items =
        switch (random.nextInt(3)) {
          case 0 -> call() + " as " + name();
          case 1 -> "(" + call() + " as " + name() + ", " + name() + ")";
          default -> call() + ", " + call() + " as (" + name() + ", " + name() + ")";
        };
    line(head + items + ":");
    body();
  }

  private void tryStatement() {
    line("try:");
    body();
    int handlers = random.nextInt(3);
    if (handlers == 0) {
      line("finally:");
      body();
      return;
    }
    boolean star = chance(20);
    for (int i = 0; i < handlers; i++) {
      String types =
          switch (random.nextInt(py314 ? 4 : 3)) {
            case 0 -> "ValueError";
            case 1 -> "(TypeError, KeyError) as e";
            case 2 -> name() + "." + pick(ATTRS);
            default -> "OSError, EOFError";
          };
      line((star ? "except* " : "except ") + types + ":");
      body();
    }
    if (chance(30)) {
      line("else:");
      body();
    }
    if (chance(30)) {
      line("finally:");
      body();
    }
  }

  private void functionDef() {
    if (chance(30)) {
      line("@" + (chance(50) ? name() + "." + pick(ATTRS) : call()));
    }
    boolean async = chance(25);
    String head =
        (async ? "async def " : "def ")
            + "f"
            + random.nextInt(50)
            + typeParams()
            + "("
            + parameters()
            + ")"
            + (chance(30) ? " -> " + annotation() : "")
            + ":";
    line(head);
    boolean savedFunction = inFunction;
    boolean savedAsync = inAsync;
    boolean savedLoop = inLoop;
    inFunction = true;
    inAsync = async;
    inLoop = false;
    if (chance(20)) {
      indent++;
      line("\"\"\"Docstring.\"\"\"");
      indent--;
    }
    body();
    inFunction = savedFunction;
    inAsync = savedAsync;
    inLoop = savedLoop;
  }

  private String typeParams() {
    if (!chance(15)) {
      return "";
    }
    List<String> ps = new ArrayList<>();
    // PEP 696: once one parameter has a default, the later ones need one too.
    boolean defaults = chance(30);
    ps.add(
        "T"
            + (chance(40) ? ": " + (chance(50) ? "int" : "(int, str)") : "")
            + (defaults ? " = int" : ""));
    if (chance(40)) {
      defaults = defaults || chance(30);
      ps.add("*Ts" + (defaults ? " = *tuple[int]" : ""));
    }
    if (chance(40)) {
      defaults = defaults || chance(30);
      ps.add("**P" + (defaults ? " = [int]" : ""));
    }
    return "[" + String.join(", ", ps) + "]";
  }

  private String parameters() {
    List<String> ps = new ArrayList<>();
    int positional = random.nextInt(3);
    boolean defaults = false;
    for (int i = 0; i < positional; i++) {
      String p = "p" + i + (chance(30) ? ": " + annotation() : "");
      if (defaults || chance(30)) {
        defaults = true;
        p += "=" + atom();
      }
      ps.add(p);
    }
    if (!ps.isEmpty() && chance(25)) {
      ps.add("/");
    }
    if (chance(30)) {
      ps.add("*args");
    } else if (chance(20)) {
      ps.add("*");
      ps.add("k" + (chance(50) ? "=" + atom() : ""));
    }
    if (chance(20)) {
      ps.add("**kwargs");
    }
    return String.join(", ", ps);
  }

  private void classDef() {
    if (chance(25)) {
      line("@" + name());
    }
    String bases =
        switch (random.nextInt(4)) {
          case 0 -> "";
          case 1 -> "(" + name() + ")";
          case 2 -> "(" + name() + ", metaclass=" + name() + ")";
          default -> "()";
        };
    line("class C" + random.nextInt(50) + typeParams() + bases + ":");
    boolean savedFunction = inFunction;
    boolean savedLoop = inLoop;
    inFunction = false;
    inLoop = false;
    body();
    inFunction = savedFunction;
    inLoop = savedLoop;
  }

  private void matchStatement() {
    line("match " + (chance(30) ? name() + ", " + name() : expr()) + ":");
    indent++;
    int cases = 1 + random.nextInt(3);
    for (int i = 0; i < cases; i++) {
      line("case " + pattern(0) + (chance(25) ? " if " + expr() : "") + ":");
      body();
    }
    indent--;
  }

  private String pattern(int level) {
    int kind = random.nextInt(level > 1 ? 5 : 11);
    return switch (kind) {
      case 0 -> String.valueOf(random.nextInt(10));
      case 1 -> "'s'";
      case 2 -> "None";
      case 3 -> "_";
      case 4 -> "cap" + random.nextInt(5);
      case 5 -> "[" + pattern(level + 1) + ", *rest]";
      case 6 -> "(" + pattern(2) + " | " + pattern(2) + ")";
      case 7 -> "{'k': " + pattern(level + 1) + ", **kw}";
      case 8 -> "Point(" + pattern(level + 1) + ", y=" + pattern(level + 1) + ")";
      case 9 -> "-1 | 2 + 3j";
      default -> "[" + pattern(level + 1) + "] as whole";
    };
  }

  // ---- expressions --------------------------------------------------------------------------

  private String exprOrTuple() {
    return chance(20) ? expr() + ", " + expr() + (chance(30) ? "," : "") : expr();
  }

  private String namedExpr() {
    return chance(20) ? "(" + name() + " := " + expr() + ")" : expr();
  }

  private String expr() {
    depth++;
    try {
      if (depth > 8) {
        return atom();
      }
      return switch (random.nextInt(20)) {
        case 0, 1, 2, 3 -> atom();
        case 4 -> operand() + " " + pick(BINOPS) + " " + operand();
        case 5 -> operand() + " " + pick(CMPOPS) + " " + operand();
        case 6 ->
            operand() + (chance(50) ? " and " : " or ") + (chance(30) ? "not " : "") + operand();
        case 7 -> (chance(50) ? "not " : pick(new String[] {"-", "+", "~"})) + operand();
        case 8 -> operand() + " if " + operand() + " else " + expr();
        case 9 -> "lambda " + (chance(50) ? "" : "q, *r, s=1") + ": " + expr();
        case 10 -> call();
        case 11 -> "(" + atom() + ")." + pick(ATTRS);
        case 12 -> "(" + atom() + ")[" + slice() + "]";
        case 13 -> comprehension();
        case 14 -> display();
        case 15 -> fstring();
        case 16 -> inAsync ? "await " + atom() : atom();
        case 17 -> "(" + name() + " := " + expr() + ")";
        case 18 -> inFunction ? "(yield " + atom() + ")" : atom();
        default -> "(" + expr() + ")";
      };
    } finally {
      depth--;
    }
  }

  /** An expression that can stand as an operand of any operator without parentheses. */
  private String operand() {
    return switch (random.nextInt(8)) {
      case 0, 1, 2 -> atom();
      case 3 -> call();
      case 4 -> name() + "." + pick(ATTRS) + "[" + atom() + "]";
      case 5 -> display();
      case 6 -> fstring();
      default -> "(" + expr() + ")";
    };
  }

  private String atom() {
    return switch (random.nextInt(12)) {
      case 0, 1, 2, 3 -> name();
      case 4 -> number();
      case 5 -> string();
      case 6 -> pick(new String[] {"None", "True", "False", "..."});
      case 7 -> "()";
      case 8 -> "[]";
      case 9 -> "{}";
      default -> name();
    };
  }

  private String number() {
    return pick(
        new String[] {
          "0",
          "1",
          "42",
          "1_000",
          "0x_ff",
          "0o17",
          "0b101",
          "3.14",
          "1e-5",
          ".5",
          "5.",
          "2j",
          "1_0.0_1e+1_0",
          "123456789012345678901234567890"
        });
  }

  private String string() {
    return pick(
        new String[] {
          "'s'",
          "\"d\"",
          "'''t'''",
          "r'\\d'",
          "b'by'",
          "u'un'",
          "'a' 'b'",
          "'esc\\n\\t\\x41'",
          "'\\N{BULLET}'",
          "\"q'uote\""
        });
  }

  private String call() {
    StringBuilder sb = new StringBuilder(chance(70) ? name() : name() + "." + pick(ATTRS));
    sb.append('(');
    bracketDepth++;
    List<String> args = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      args.add(expr());
    }
    if (chance(20)) {
      args.add("*" + name());
    }
    if (chance(30)) {
      args.add("key=" + expr());
    }
    if (chance(15)) {
      args.add("**" + name());
    }
    String sep = bracketDepth < 3 && chance(15) ? ",\n        " : ", ";
    sb.append(String.join(sep, args));
    if (args.size() == 1 && n == 1 && chance(20)) {
      sb.setLength(sb.length() - args.get(0).length());
      sb.append(name()).append(" for ").append(name()).append(" in ").append(name());
    }
    bracketDepth--;
    return sb.append(')').toString();
  }

  private String slice() {
    return switch (random.nextInt(5)) {
      case 0 -> expr() + ":" + expr();
      case 1 -> ":" + (chance(50) ? expr() : "") + ":" + atom();
      case 2 -> expr() + ", " + expr();
      case 3 -> "::";
      default -> expr();
    };
  }

  private String comprehension() {
    String gen = " for " + forTarget() + " in " + atom() + (chance(30) ? " if " + atom() : "");
    if (chance(20)) {
      gen += " for " + name() + " in " + atom();
    }
    if (inAsync && chance(20)) {
      gen = " async" + gen;
    }
    return switch (random.nextInt(4)) {
      case 0 -> "[" + expr() + gen + "]";
      case 1 -> "{" + expr() + gen + "}";
      case 2 -> "{" + atom() + ": " + expr() + gen + "}";
      default -> "(" + expr() + gen + ")";
    };
  }

  private String display() {
    return switch (random.nextInt(4)) {
      case 0 -> "[" + expr() + ", *" + name() + "]";
      case 1 -> "(" + expr() + ",)";
      case 2 -> "{" + atom() + ": " + expr() + ", **" + name() + "}";
      default -> "{" + expr() + ", " + expr() + "}";
    };
  }

  private String fstring() {
    String field =
        switch (random.nextInt(7)) {
          case 0 -> "{" + name() + "}";
          case 1 -> "{" + name() + "!r}";
          case 2 -> "{" + name() + ":>10}";
          case 3 -> "{" + name() + "=}";
          case 4 -> "{" + name() + ":{" + name() + "}.{" + name() + "}}";
          case 5 -> "{" + name() + " + 1 = }";
          default -> "{{literal}}";
        };
    String prefix = py314 && chance(20) ? "t" : chance(20) ? "rf" : "f";
    return prefix + "'a " + field + " z'";
  }
}
