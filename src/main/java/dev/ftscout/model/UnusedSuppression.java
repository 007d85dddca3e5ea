package dev.ftscout.model;

import java.util.List;

/**
 * A {@code ftscout: ignore[...]} comment that suppressed nothing, reported on request so stale
 * suppressions get cleaned up.
 *
 * @param path display path of the file
 * @param line the comment's line
 * @param rules the rule ids or names it lists (empty for a bare {@code ftscout: ignore})
 * @param reason why it is unused, e.g. {@code no FT202 finding on line 13}
 */
public record UnusedSuppression(String path, int line, List<String> rules, String reason) {
  public UnusedSuppression {
    rules = List.copyOf(rules);
  }
}
