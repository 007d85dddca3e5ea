package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.rules.Rule;
import java.util.List;

/** A runtime rule judging what the import probe saw. */
public interface ProbeRule extends Rule {
  /** Findings at the rule's default severity. */
  List<Finding> check(ProbeFacts facts);
}
