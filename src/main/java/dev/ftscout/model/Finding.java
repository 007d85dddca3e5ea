package dev.ftscout.model;

import java.util.Objects;

/**
 * One problem found in a project: which rule, how serious, where, and how to fix it.
 *
 * @param ruleId the rule's id, e.g. {@code FT201}
 * @param severity the effective severity (after config overrides)
 * @param message what is wrong at this place, one sentence without final period
 * @param path the file, relative to the project root, with {@code /} separators
 * @param span where in the file
 * @param snippet the source line(s) at the span, trimmed of the line break; empty when none
 * @param fix a concrete fix hint for this place
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    String path,
    Span span,
    String snippet,
    String fix) {
  public Finding {
    Objects.requireNonNull(ruleId);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(message);
    Objects.requireNonNull(path);
    Objects.requireNonNull(span);
    Objects.requireNonNull(snippet);
    Objects.requireNonNull(fix);
  }

  /** The same finding with another severity. */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(ruleId, newSeverity, message, path, span, snippet, fix);
  }

  /** {@code path:line:col}, or the path alone for whole-file findings. */
  public String location() {
    return span.isWholeFile() ? path : path + ":" + span.line() + ":" + span.column();
  }
}
