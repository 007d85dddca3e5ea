package dev.ftscout.cext;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the expression of an {@code #if} or {@code #elif} for a free-threaded build in
 * three-valued logic: {@code Py_GIL_DISABLED} is defined, {@code PY_VERSION_HEX} is at least 3.13.0
 * (the first release with a free-threaded build), everything else unknown. Malformed expressions
 * are unknown, never an error.
 */
final class ConditionEvaluator {
  /** {@code PY_VERSION_HEX} of 3.13.0 final: every free-threaded release is at least this. */
  static final long FIRST_FREE_THREADED_HEX = 0x030D00F0L;

  private static final int FIRST_FREE_THREADED_MINOR = 13;

  /** Macros the 3.13 headers define (so every free-threaded build has them). */
  private static final java.util.Set<String> HEADER_313 =
      java.util.Set.of(
          "Py_mod_gil",
          "Py_MOD_GIL_USED",
          "Py_MOD_GIL_NOT_USED",
          "Py_BEGIN_CRITICAL_SECTION",
          "Py_END_CRITICAL_SECTION",
          "Py_mod_multiple_interpreters");

  private final List<String> tokens;
  private final boolean configKnown;
  private int pos;
  private boolean constant = true;

  private ConditionEvaluator(List<String> tokens, boolean configKnown) {
    this.tokens = tokens;
    this.configKnown = configKnown;
  }

  /** The result of an evaluation; {@code constant} when only literal numbers took part. */
  record Result(Truth truth, boolean constant) {}

  /**
   * @param expression the text after {@code #if}
   * @param configKnown whether {@code pyconfig.h} may have been included already, so that {@code
   *     Py_GIL_DISABLED} is defined on free-threaded builds
   */
  static Result evaluate(String expression, boolean configKnown) {
    ConditionEvaluator e = new ConditionEvaluator(tokenize(expression), configKnown);
    try {
      Value v = e.ternary();
      if (e.pos != e.tokens.size()) {
        return new Result(Truth.MAYBE, false);
      }
      return new Result(v.truth(), e.constant);
    } catch (IndexOutOfBoundsException | NumberFormatException ex) {
      return new Result(Truth.MAYBE, false);
    }
  }

  /** Truth of {@code defined(NAME)} / {@code #ifdef NAME} on a free-threaded build. */
  static Truth defined(String name, boolean configKnown) {
    if (name.equals("Py_GIL_DISABLED")) {
      return configKnown ? Truth.ALWAYS : Truth.MAYBE;
    }
    if (configKnown && HEADER_313.contains(name)) {
      return Truth.ALWAYS;
    }
    if (name.equals("Py_LIMITED_API")) {
      // Python.h stops with #error when both are defined (3.13, 3.14), so a free-threaded
      // build that compiles has no Py_LIMITED_API.
      return Truth.NEVER;
    }
    return Truth.MAYBE;
  }

  private sealed interface Value {
    Truth truth();
  }

  private record Num(long value) implements Value {
    @Override
    public Truth truth() {
      return Truth.of(value != 0);
    }
  }

  /** A macro whose value on free-threaded builds is at least {@code floor}. */
  private record AtLeast(long floor) implements Value {
    @Override
    public Truth truth() {
      return floor > 0 ? Truth.ALWAYS : Truth.MAYBE;
    }
  }

  private record Known(Truth truth) implements Value {}

  private static final Value UNKNOWN = new Known(Truth.MAYBE);

  private Value ternary() {
    Value c = or();
    if (peek("?")) {
      pos++;
      ternary();
      expect(":");
      ternary();
      return UNKNOWN;
    }
    return c;
  }

  private Value or() {
    Value left = and();
    while (peek("||")) {
      pos++;
      Value right = and();
      left = new Known(left.truth().or(right.truth()));
    }
    return left;
  }

  private Value and() {
    Value left = bitwise();
    while (peek("&&")) {
      pos++;
      Value right = bitwise();
      left = new Known(left.truth().and(right.truth()));
    }
    return left;
  }

  private Value bitwise() {
    Value left = equality();
    while (peek("|") || peek("&") || peek("^")) {
      String op = tokens.get(pos++);
      Value right = equality();
      left = arithmetic(op, left, right);
    }
    return left;
  }

  private Value equality() {
    Value left = relational();
    while (peek("==") || peek("!=")) {
      String op = tokens.get(pos++);
      Value right = relational();
      left = compare(op, left, right);
    }
    return left;
  }

  private Value relational() {
    Value left = additive();
    while (peek("<") || peek(">") || peek("<=") || peek(">=")) {
      String op = tokens.get(pos++);
      Value right = additive();
      left = compare(op, left, right);
    }
    return left;
  }

  private Value additive() {
    Value left = unary();
    while (peek("+") || peek("-") || peek("*") || peek("/") || peek("<<") || peek(">>")) {
      String op = tokens.get(pos++);
      Value right = unary();
      left = arithmetic(op, left, right);
    }
    return left;
  }

  private Value unary() {
    if (peek("!")) {
      pos++;
      return new Known(unary().truth().not());
    }
    if (peek("-") || peek("+") || peek("~")) {
      String op = tokens.get(pos++);
      Value v = unary();
      if (v instanceof Num n) {
        return new Num(op.equals("-") ? -n.value() : op.equals("~") ? ~n.value() : n.value());
      }
      return UNKNOWN;
    }
    return primary();
  }

  private Value primary() {
    String t = tokens.get(pos++);
    if (t.equals("(")) {
      Value v = ternary();
      expect(")");
      return v;
    }
    if (t.equals("defined")) {
      constant = false;
      boolean paren = peek("(");
      if (paren) {
        pos++;
      }
      String name = tokens.get(pos++);
      if (paren) {
        expect(")");
      }
      return new Known(defined(name, configKnown));
    }
    if (Character.isDigit(t.charAt(0))) {
      return new Num(parseNumber(t));
    }
    constant = false;
    if (Character.isJavaIdentifierStart(t.charAt(0))) {
      if (peek("(")) {
        skipCall();
        return UNKNOWN;
      }
      return switch (t) {
        case "Py_GIL_DISABLED", "Py_mod_gil" -> new Known(defined(t, configKnown));
        case "PY_VERSION_HEX" -> configKnown ? new AtLeast(FIRST_FREE_THREADED_HEX) : UNKNOWN;
        case "PY_MINOR_VERSION" -> configKnown ? new AtLeast(FIRST_FREE_THREADED_MINOR) : UNKNOWN;
        case "PY_MAJOR_VERSION" -> configKnown ? new Num(3) : UNKNOWN;
        default -> UNKNOWN;
      };
    }
    return UNKNOWN;
  }

  private void skipCall() {
    int depth = 0;
    do {
      String t = tokens.get(pos++);
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")")) {
        depth--;
      }
    } while (depth > 0);
  }

  private static Value arithmetic(String op, Value left, Value right) {
    if (left instanceof Num a && right instanceof Num b) {
      long x = a.value();
      long y = b.value();
      return switch (op) {
        case "+" -> new Num(x + y);
        case "-" -> new Num(x - y);
        case "*" -> new Num(x * y);
        case "/" -> y == 0 ? UNKNOWN : new Num(x / y);
        case "<<" -> new Num(x << (y & 63));
        case ">>" -> new Num(x >> (y & 63));
        case "|" -> new Num(x | y);
        case "&" -> new Num(x & y);
        default -> new Num(x ^ y);
      };
    }
    return UNKNOWN;
  }

  private static Value compare(String op, Value left, Value right) {
    if (left instanceof Num a && right instanceof Num b) {
      long x = a.value();
      long y = b.value();
      boolean r =
          switch (op) {
            case "<" -> x < y;
            case ">" -> x > y;
            case "<=" -> x <= y;
            case ">=" -> x >= y;
            case "==" -> x == y;
            default -> x != y;
          };
      return new Num(r ? 1 : 0);
    }
    if (left instanceof AtLeast a && right instanceof Num b) {
      return new Known(atLeastCompare(op, a.floor(), b.value()));
    }
    if (left instanceof Num a && right instanceof AtLeast b) {
      return new Known(atLeastCompare(flip(op), b.floor(), a.value()));
    }
    return UNKNOWN;
  }

  /** {@code v op n} where all we know is {@code v >= floor}. */
  private static Truth atLeastCompare(String op, long floor, long n) {
    return switch (op) {
      case ">=" -> n <= floor ? Truth.ALWAYS : Truth.MAYBE;
      case ">" -> n < floor ? Truth.ALWAYS : Truth.MAYBE;
      case "<" -> n <= floor ? Truth.NEVER : Truth.MAYBE;
      case "<=" -> n < floor ? Truth.NEVER : Truth.MAYBE;
      case "==" -> n < floor ? Truth.NEVER : Truth.MAYBE;
      default -> n < floor ? Truth.ALWAYS : Truth.MAYBE;
    };
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case ">" -> "<";
      case "<=" -> ">=";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static long parseNumber(String t) {
    String s = t.replace("'", "");
    int end = s.length();
    while (end > 0 && "uUlL".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    s = s.substring(0, end);
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return Long.parseUnsignedLong(s.substring(2), 16);
    }
    if (s.startsWith("0b") || s.startsWith("0B")) {
      return Long.parseLong(s.substring(2), 2);
    }
    if (s.length() > 1 && s.startsWith("0")) {
      return Long.parseLong(s.substring(1), 8);
    }
    return Long.parseLong(s);
  }

  private boolean peek(String t) {
    return pos < tokens.size() && tokens.get(pos).equals(t);
  }

  private void expect(String t) {
    if (!tokens.get(pos++).equals(t)) {
      throw new IndexOutOfBoundsException("expected " + t);
    }
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '\'')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != '\'') {
          j++;
        }
        out.add("1");
        i = Math.min(n, j + 1);
      } else {
        String two = i + 1 < n ? s.substring(i, i + 2) : "";
        if (two.equals("&&")
            || two.equals("||")
            || two.equals("==")
            || two.equals("!=")
            || two.equals("<=")
            || two.equals(">=")
            || two.equals("<<")
            || two.equals(">>")) {
          out.add(two);
          i += 2;
        } else {
          out.add(String.valueOf(c));
          i++;
        }
      }
    }
    return out;
  }
}
