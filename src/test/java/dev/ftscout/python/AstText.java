package dev.ftscout.python;

import dev.ftscout.python.tree.BoolOperator;
import dev.ftscout.python.tree.CmpOperator;
import dev.ftscout.python.tree.ConstantValue;
import dev.ftscout.python.tree.ExprContext;
import dev.ftscout.python.tree.Located;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Operator;
import dev.ftscout.python.tree.Span;
import dev.ftscout.python.tree.UnaryOperator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a Java tree in the text format of {@code src/test/python/ast_dump.py}, so it can be
 * compared with CPython's {@code ast} byte for byte. Field names come from the record components
 * (camelCase turned into CPython's snake_case), values are written as the Python side writes them.
 */
final class AstText {
  private static final Map<String, String> CLASS_NAMES =
      Map.of(
          "Arguments", "arguments",
          "Arg", "arg",
          "Keyword", "keyword",
          "Alias", "alias",
          "Comprehension", "comprehension",
          "WithItem", "withitem",
          "MatchCase", "match_case");

  private record Field(String name, MethodHandle getter) {}

  private record Shape(String name, boolean located, List<Field> fields) {}

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
  private static final HexFormat HEX = HexFormat.of();

  private final StringBuilder out = new StringBuilder(1 << 16);
  private final boolean positions;
  private int nodes;

  private AstText(boolean positions) {
    this.positions = positions;
  }

  /** The text for a whole tree. */
  static AstText of(Node root) {
    return of(root, true);
  }

  /** The text for a whole tree; without positions when comparing trees of different layout. */
  static AstText of(Node root, boolean positions) {
    AstText t = new AstText(positions);
    t.node(root);
    return t;
  }

  String text() {
    return out.toString();
  }

  int nodes() {
    return nodes;
  }

  private static Shape shape(Class<?> c) {
    return SHAPES.computeIfAbsent(
        c,
        k -> {
          String simple = k.getSimpleName();
          String name = CLASS_NAMES.getOrDefault(simple, simple);
          List<Field> fields = new ArrayList<>();
          MethodHandles.Lookup lookup = MethodHandles.publicLookup();
          for (RecordComponent rc : k.getRecordComponents()) {
            if (rc.getName().equals("span")) {
              continue;
            }
            try {
              fields.add(new Field(snake(rc.getName()), lookup.unreflect(rc.getAccessor())));
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(e);
            }
          }
          return new Shape(name, Located.class.isAssignableFrom(k), List.copyOf(fields));
        });
  }

  static String snake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private void node(Node n) {
    nodes++;
    Shape s = shape(n.getClass());
    out.append(s.name());
    if (s.located() && positions) {
      Span sp = ((Located) n).span();
      out.append('@')
          .append(sp.lineno())
          .append(',')
          .append(sp.colOffset())
          .append(',')
          .append(sp.endLineno())
          .append(',')
          .append(sp.endColOffset());
    }
    out.append('(');
    boolean first = true;
    for (Field f : s.fields()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(f.name()).append('=');
      Object v;
      try {
        v = f.getter().invoke(n);
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
      value(v);
    }
    out.append(')');
  }

  private void value(Object v) {
    switch (v) {
      case Node n -> node(n);
      case List<?> l -> {
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          value(l.get(i));
        }
        out.append(']');
      }
      case Optional<?> o -> {
        if (o.isPresent()) {
          value(o.get());
        } else {
          out.append('~');
        }
      }
      case String s -> json(out, s);
      case Integer i -> out.append(i.intValue());
      case Boolean b -> out.append(b ? 1 : 0);
      case ExprContext c -> enumNode(c.pythonName());
      case Operator o -> enumNode(o.pythonName());
      case BoolOperator o -> enumNode(o.pythonName());
      case UnaryOperator o -> enumNode(o.pythonName());
      case CmpOperator o -> enumNode(o.pythonName());
      case ConstantValue c -> constant(c);
      default -> throw new IllegalStateException("unexpected field value " + v.getClass());
    }
  }

  private void enumNode(String name) {
    nodes++;
    out.append(name).append("()");
  }

  private void constant(ConstantValue c) {
    switch (c) {
      case ConstantValue.StrValue s -> {
        out.append('s');
        json(out, s.value());
      }
      case ConstantValue.NoneValue n -> out.append('N');
      case ConstantValue.BoolValue b -> out.append(b.value() ? 'T' : 'F');
      case ConstantValue.EllipsisValue e -> out.append('E');
      case ConstantValue.IntValue i -> out.append('i').append(i.value().toString());
      case ConstantValue.FloatValue f ->
          out.append('f').append(HEX.toHexDigits(Double.doubleToRawLongBits(f.value())));
      case ConstantValue.ComplexValue j ->
          out.append('j').append(HEX.toHexDigits(Double.doubleToRawLongBits(j.imag())));
      case ConstantValue.BytesValue b -> {
        out.append('b');
        String s = b.latin1();
        for (int i = 0; i < s.length(); i++) {
          out.append(HEX.toHexDigits((byte) s.charAt(i)));
        }
      }
    }
  }

  /** Python's {@code json.dumps(s)} with its default {@code ensure_ascii=True}. */
  static void json(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append("\\u").append(HEX.toHexDigits(c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
