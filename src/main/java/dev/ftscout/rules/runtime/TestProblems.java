package dev.ftscout.rules.runtime;

import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Span;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.model.TestEvidence.Problem;
import java.util.List;
import java.util.function.Function;

/** Turns the test problems of one kind into findings at the test's file and line. */
final class TestProblems {
  private TestProblems() {}

  static List<Finding> findings(
      RuleInfo info,
      TestEvidence evidence,
      TestEvidence.Kind kind,
      Function<Problem, String> describe) {
    return evidence.problems(kind).stream()
        .map(p ->
            new Finding(
                info.id(),
                info.severity(),
                p.test() + " " + describe.apply(p) + ": " + p.evidence(),
                path(p),
                p.line() > 0 ? new Span(p.line(), 1, p.line(), 1) : Span.wholeFile(),
                "",
                info.fix()))
        .toList();
  }

  /** The test file: the first traceback file, else the file part of a pytest node id. */
  private static String path(Problem p) {
    if (!p.files().isEmpty()) {
      return p.files().get(0);
    }
    int sep = p.test().indexOf("::");
    return sep > 0 ? p.test().substring(0, sep) : p.test();
  }

  /** {@code (category, ExceptionType)} for messages. */
  static String what(Problem p) {
    return p.category().label() + (p.exceptionType().isEmpty() ? "" : ", " + p.exceptionType());
  }
}
