package dev.ftscout.deps.pep508;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A PEP 508 environment marker expression, evaluated as {@code packaging.markers.Marker} does:
 * version operators on version-valued variables, string comparison otherwise.
 */
public sealed interface Marker {
  /** Evaluates against one target environment. */
  boolean evaluate(MarkerEnvironment env);

  /** {@code a and b and ...}. */
  record All(List<Marker> parts) implements Marker {
    public All {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean evaluate(MarkerEnvironment env) {
      boolean result = true;
      for (Marker m : parts) {
        // Every operand is evaluated, as packaging does, so an undefined comparison always raises.
        result &= m.evaluate(env);
      }
      return result;
    }

    @Override
    public String toString() {
      return parts.stream()
          .map(p -> p instanceof Any ? "(" + p + ")" : p.toString())
          .collect(Collectors.joining(" and "));
    }
  }

  /** {@code a or b or ...}. */
  record Any(List<Marker> parts) implements Marker {
    public Any {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean evaluate(MarkerEnvironment env) {
      boolean result = false;
      for (Marker m : parts) {
        result |= m.evaluate(env);
      }
      return result;
    }

    @Override
    public String toString() {
      return parts.stream().map(Marker::toString).collect(Collectors.joining(" or "));
    }
  }

  /** One comparison, either side a variable or a quoted literal. */
  record Compare(Operand lhs, String op, Operand rhs) implements Marker {
    @Override
    public boolean evaluate(MarkerEnvironment env) {
      return MarkerEvaluation.compare(this, env);
    }

    @Override
    public String toString() {
      return lhs + " " + op + " " + rhs;
    }
  }

  /** A side of a comparison. */
  sealed interface Operand {}

  /** An environment variable such as {@code python_version}. */
  record Variable(String name) implements Operand {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A quoted string. */
  record Literal(String value) implements Operand {
    @Override
    public String toString() {
      return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
    }
  }

  /** Parses a marker expression; throws {@link InvalidRequirementException}. */
  static Marker parse(String text) {
    return Pep508Parser.parseMarker(text);
  }
}
