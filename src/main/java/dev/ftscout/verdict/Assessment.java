package dev.ftscout.verdict;

import java.util.List;

/**
 * The verdict with its confidence, its reasons (heaviest first) and the next steps.
 *
 * @param verdict No, Maybe or Yes
 * @param confidence static or verified
 * @param reasons why, heaviest first; the first is the top reason
 * @param nextSteps what to do next, most useful first
 * @param failedParts parts of the check that could not run, one line each; the verdict was reached
 *     without them
 */
public record Assessment(
    Verdict verdict,
    Confidence confidence,
    List<Reason> reasons,
    List<NextStep> nextSteps,
    List<String> failedParts) {
  public Assessment {
    reasons = List.copyOf(reasons);
    nextSteps = List.copyOf(nextSteps);
    failedParts = List.copyOf(failedParts);
  }
}
