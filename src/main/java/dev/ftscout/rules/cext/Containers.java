package dev.ftscout.rules.cext;

import dev.ftscout.cext.CCall;
import dev.ftscout.cext.CFile;
import dev.ftscout.cext.CFunction;
import dev.ftscout.cext.CTokens;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the container a call works on is private to the calling function, so other
 * threads cannot reach it: the keyword-argument dict a function receives, or a dict or list the
 * function created itself. CPython's HOWTO names the keyword-argument case as safe.
 */
final class Containers {
  private static final Set<String> KWARGS = Set.of("kwargs", "kwds", "kw", "keywds", "kwdict");

  private static final Set<String> CONSTRUCTORS =
      Set.of(
          "PyDict_New",
          "PyDict_Copy",
          "PyList_New",
          "PyList_GetSlice",
          "PySequence_List",
          "_PyDict_NewPresized",
          "PyDict_NewPresized");

  private Containers() {}

  /** The first argument of a call as a plain variable name, casts and {@code &} removed. */
  static Optional<String> firstVariable(CFile file, CCall call) {
    List<String> args = file.arguments(call);
    if (args.isEmpty()) {
      return Optional.empty();
    }
    String a = args.get(0).strip();
    int close = a.lastIndexOf(')');
    if (a.startsWith("(") && close > 0) {
      a = a.substring(close + 1).strip();
    }
    return a.matches("[A-Za-z_][A-Za-z0-9_]*") ? Optional.of(a) : Optional.empty();
  }

  /** Whether the call's first argument is a container only this function can see. */
  static boolean isPrivate(CFile file, CCall call) {
    Optional<String> name = firstVariable(file, call);
    Optional<CFunction> fn = call.function().flatMap(file::function);
    if (name.isEmpty() || fn.isEmpty()) {
      return false;
    }
    String var = name.get();
    CFunction f = fn.get();
    if (KWARGS.contains(var) && f.params().contains(var)) {
      return true;
    }
    CTokens t = file.tokens();
    for (CCall c : file.calls()) {
      if (!f.contains(c.token()) || !CONSTRUCTORS.contains(c.name())) {
        continue;
      }
      int eq = c.token() - 1;
      while (eq > f.bodyOpen() && t.isPunct(eq, ')')) {
        int depth = 0;
        int k = eq;
        do {
          if (t.isPunct(k, ')')) {
            depth++;
          } else if (t.isPunct(k, '(')) {
            depth--;
          }
          k--;
        } while (depth > 0 && k > f.bodyOpen());
        eq = k;
      }
      if (t.isPunct(eq, '=') && t.is(eq - 1, var)) {
        return true;
      }
    }
    return false;
  }
}
