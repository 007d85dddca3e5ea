package dev.ftscout.deps.input;

import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep440.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Poetry's version constraint syntax ({@code ^1.2}, {@code ~1.2.3}, {@code 1.*}, {@code *}). */
final class PoetryConstraints {
  private PoetryConstraints() {}

  /**
   * Translates to PEP 440. An {@code ||} alternative has no PEP 440 form; one part (the first one)
   * is used and the caller notes it.
   */
  static SpecifierSet toSpecifierSet(String constraint) {
    String c = constraint.strip();
    if (c.contains("||")) {
      List<SpecifierSet> parts = new ArrayList<>();
      for (String alt : c.split("\\|\\|")) {
        parts.add(toSpecifierSet(alt));
      }
      return parts.get(0);
    }
    if (c.isEmpty() || c.equals("*")) {
      return SpecifierSet.any();
    }
    List<String> clauses = new ArrayList<>();
    for (String part : c.split(",|\\s+(?=[<>=!~^])")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      clauses.addAll(clause(p));
    }
    return SpecifierSet.parse(String.join(",", clauses));
  }

  private static List<String> clause(String p) {
    if (p.startsWith("^")) {
      Version v = Version.parse(p.substring(1));
      long[] r = v.release();
      int i = 0;
      while (i < r.length - 1 && r[i] == 0) {
        i++;
      }
      long[] upper = Arrays.copyOf(r, i + 1);
      upper[i]++;
      return List.of(">=" + v, "<" + join(upper));
    }
    if (p.startsWith("~") && !p.startsWith("~=")) {
      Version v = Version.parse(p.substring(1));
      long[] r = v.release();
      long[] upper = r.length == 1 ? new long[] {r[0] + 1} : new long[] {r[0], r[1] + 1};
      return List.of(">=" + v, "<" + join(upper));
    }
    if (p.matches("[0-9].*\\*")) {
      return List.of("==" + p);
    }
    if (Character.isDigit(p.charAt(0))) {
      return List.of("==" + p);
    }
    if (p.startsWith("=") && !p.startsWith("==")) {
      return List.of("=" + p);
    }
    return List.of(p);
  }

  private static String join(long[] r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < r.length; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(r[i]);
    }
    return sb.toString();
  }
}
