package dev.ftscout.rules.deps;

import dev.ftscout.model.Finding;
import dev.ftscout.rules.Rule;
import java.util.List;

/** A dependency rule (FT3xx), judging what the dependency audit found. */
public interface DependencyRule extends Rule {
  /** Findings at the rule's default severity. */
  List<Finding> check(DependencyFacts facts);
}
