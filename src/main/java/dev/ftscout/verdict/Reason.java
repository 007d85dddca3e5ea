package dev.ftscout.verdict;

import java.util.List;

/**
 * One reason for a verdict, from one verdict rule.
 *
 * @param rule the id of the verdict rule that gave it (see {@code docs/verdict.md})
 * @param pointsTo the verdict this reason argues for
 * @param weight how much it counts; reasons are listed heaviest first
 * @param title one sentence, no final period
 * @param evidence what backs it, most telling first
 */
public record Reason(
    String rule, Verdict pointsTo, int weight, String title, List<Evidence> evidence) {
  public Reason {
    evidence = List.copyOf(evidence);
  }
}
