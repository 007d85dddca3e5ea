package dev.ftscout.rules;

import dev.ftscout.model.RuleInfo;

/**
 * A rule: its metadata, declared once. The rule's check method lives on the family interface
 * (extension sources, Python, dependencies, runtime) because each family sees different facts.
 */
public interface Rule {
  RuleInfo info();
}
