package dev.ftscout.rules.python;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.Span;

/**
 * A finding whose severity is decided after every file has been read, when it is known whether a
 * thread entry point reaches the function it is in.
 *
 * @param rule the reporting rule
 * @param exposure what decides the severity
 * @param severity the severity for {@link Exposure#FIXED}; the upper one otherwise
 * @param function the key of the innermost function the code is in (module.qualname), empty at
 *     module level
 */
record Candidate(
    RuleInfo rule,
    Exposure exposure,
    Severity severity,
    String function,
    String path,
    Span span,
    String snippet,
    String message,
    String fix) {

  /** The finding at the severity the project's threads give it. */
  Finding finding(boolean reachable, boolean parallelTests) {
    Severity s =
        switch (exposure) {
          case FIXED -> severity;
          case THREADS -> reachable ? severity : Severity.INFO;
          case PARALLEL_TESTS -> parallelTests ? severity : Severity.INFO;
        };
    String said =
        exposure == Exposure.THREADS && reachable
            ? message + " (reachable from a thread entry point)"
            : message;
    return new Finding(rule.id(), s, said, path, span, snippet, fix);
  }
}
