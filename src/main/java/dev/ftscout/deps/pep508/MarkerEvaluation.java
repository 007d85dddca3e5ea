package dev.ftscout.deps.pep508;

import dev.ftscout.deps.pep440.InvalidVersionException;
import dev.ftscout.deps.pep440.Specifier;
import java.util.Set;

/** The comparison rules of {@code packaging.markers._evaluate_markers}. */
final class MarkerEvaluation {
  private static final Set<String> VERSION_VARIABLES =
      Set.of("implementation_version", "platform_release", "python_full_version", "python_version");

  private MarkerEvaluation() {}

  static boolean compare(Marker.Compare c, MarkerEnvironment env) {
    if (c.lhs() instanceof Marker.Literal lit && c.rhs() instanceof Marker.Variable var) {
      String key = var.name();
      if (key.equals("extras") || key.equals("dependency_groups")) {
        Set<String> set = key.equals("extras") ? env.extras() : env.dependencyGroups();
        String name = Names.canonicalize(lit.value());
        return switch (c.op()) {
          case "in" -> set.contains(name);
          case "not in" -> !set.contains(name);
          default -> throw new UndefinedComparisonException("Undefined " + c.op() + " on " + key);
        };
      }
      return evalOp(lit.value(), c.op(), lookup(env, key), key);
    }
    if (c.lhs() instanceof Marker.Variable var) {
      String key = var.name();
      if (key.equals("extras") || key.equals("dependency_groups")) {
        throw new UndefinedComparisonException(
            "Set-valued marker '" + key + "' can only be used with the membership form");
      }
      // packaging compares against the right-hand node's text even when it is a variable name.
      String rhs =
          c.rhs() instanceof Marker.Literal l ? l.value() : ((Marker.Variable) c.rhs()).name();
      return evalOp(lookup(env, key), c.op(), rhs, key);
    }
    Marker.Literal r = (Marker.Literal) c.rhs();
    throw new UndefinedComparisonException("undefined environment name '" + r.value() + "'");
  }

  private static String lookup(MarkerEnvironment env, String key) {
    if (key.equals("extra")) {
      return env.extra();
    }
    return env.get(key).orElseThrow(() -> new UndefinedComparisonException("undefined " + key));
  }

  private static boolean evalOp(String lhs, String op, String rhs, String key) {
    if (VERSION_VARIABLES.contains(key)) {
      try {
        return Specifier.parse(op + rhs).contains(lhs, true);
      } catch (InvalidVersionException notAVersion) {
        // Falls through to string comparison, as PEP 508 prescribes.
      }
    }
    return switch (op) {
      case "in" -> rhs.contains(lhs);
      case "not in" -> !rhs.contains(lhs);
      case "<", ">" -> false;
      case "<=", "==", ">=" -> lhs.equals(rhs);
      case "!=" -> !lhs.equals(rhs);
      default ->
          throw new UndefinedComparisonException(
              "Undefined '" + op + "' on '" + lhs + "' and '" + rhs + "'");
    };
  }
}
