package dev.ftscout.rules;

import java.util.Set;

/**
 * What an analyzer needs to know besides the files.
 *
 * @param enabledRules ids of the rules that will be reported; analyzers may skip the work of others
 * @param pythonTarget the oldest Python version the project supports, as {@code 3.X}, which decides
 *     whether newer syntax is an error
 */
public record AnalysisContext(Set<String> enabledRules, String pythonTarget) {
  public AnalysisContext {
    enabledRules = Set.copyOf(enabledRules);
  }

  public boolean enabled(String ruleId) {
    return enabledRules.contains(ruleId);
  }
}
