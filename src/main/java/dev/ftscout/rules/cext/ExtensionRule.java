package dev.ftscout.rules.cext;

import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.rules.Rule;

/**
 * A rule over extension sources (FT2xx): it reads the facts the extension front end gathered from a
 * project's C, C++, Cython, Rust and build files and reports what keeps the project from running
 * without the GIL.
 */
public interface ExtensionRule extends Rule {
  /** Reports this rule's findings in {@code project}. */
  void check(ExtensionProject project, FindingSink out);
}
