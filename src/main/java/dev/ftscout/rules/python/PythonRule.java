package dev.ftscout.rules.python;

import dev.ftscout.rules.Rule;

/**
 * A rule over Python sources (FT1xx). A rule does not walk trees itself: it subscribes checks to
 * the node kinds it inspects, and {@link PythonAnalyzer} runs every enabled rule's checks in one
 * walk of each file's tree.
 */
public interface PythonRule extends Rule {
  /** Registers this rule's checks. */
  void subscribe(Checks checks);
}
