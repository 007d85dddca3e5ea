package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.rules.Rule;
import java.util.List;

/** A runtime rule judging the differences {@code ftscout test} found between configurations. */
public interface TestRule extends Rule {
  /** Findings at the rule's default severity. */
  List<Finding> check(TestEvidence evidence);
}
