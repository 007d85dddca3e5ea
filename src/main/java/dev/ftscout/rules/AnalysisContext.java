package dev.ftscout.rules;

import java.util.Set;

/**
 * What an analyzer needs to know besides the files.
 *
 * @param enabledRules ids of the rules that will be reported; analyzers may skip the work of others
 * @param pythonTarget the oldest Python version the project supports, as {@code 3.X}, which decides
 *     whether newer syntax is an error
 * @param jobs how many files an analyzer may work on at once (at least 1)
 */
public record AnalysisContext(Set<String> enabledRules, String pythonTarget, int jobs) {
  public AnalysisContext {
    enabledRules = Set.copyOf(enabledRules);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
  }

  /** A context that lets analyzers use every available processor. */
  public AnalysisContext(Set<String> enabledRules, String pythonTarget) {
    this(enabledRules, pythonTarget, defaultJobs());
  }

  /** The default parallelism: the number of available processors. */
  public static int defaultJobs() {
    return Runtime.getRuntime().availableProcessors();
  }

  public boolean enabled(String ruleId) {
    return enabledRules.contains(ruleId);
  }
}
