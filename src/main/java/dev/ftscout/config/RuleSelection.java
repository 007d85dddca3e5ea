package dev.ftscout.config;

import java.util.List;

/**
 * Which rules are on, from {@code select} and {@code ignore} lists of rule ids, id prefixes ({@code
 * FT2}, {@code FT20}) or rule names. As in ruff, the most specific entry wins: {@code select =
 * ["FT201"]} with {@code ignore = ["FT2"]} keeps FT201. On a tie, ignore wins. An empty select list
 * means every rule.
 */
public record RuleSelection(List<String> select, List<String> ignore) {
  public RuleSelection {
    select = List.copyOf(select);
    ignore = List.copyOf(ignore);
  }

  /** Whether the rule with this id and name is enabled. */
  public boolean enabled(String id, String name) {
    int selected = select.isEmpty() ? 0 : specificity(select, id, name);
    int ignored = specificity(ignore, id, name);
    if (!select.isEmpty() && selected < 0) {
      return false;
    }
    return ignored < 0 || selected > ignored;
  }

  /** Length of the longest entry matching the rule, or -1 when none matches. */
  private static int specificity(List<String> entries, String id, String name) {
    int best = -1;
    for (String entry : entries) {
      if (entry.equals(name) || entry.equalsIgnoreCase("ALL")) {
        best = Math.max(best, entry.equals(name) ? id.length() : 0);
      } else if (id.regionMatches(true, 0, entry, 0, entry.length())) {
        best = Math.max(best, entry.length());
      }
    }
    return best;
  }
}
