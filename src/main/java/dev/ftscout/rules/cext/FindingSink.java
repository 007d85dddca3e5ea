package dev.ftscout.rules.cext;

import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of extension rules, quoting the source line of each as its snippet. One
 * sink serves one analysis.
 */
public final class FindingSink {
  private final ExtensionProject project;
  private final List<Finding> findings = new ArrayList<>();

  public FindingSink(ExtensionProject project) {
    this.project = project;
  }

  /**
   * Reports a finding at the rule's default severity.
   *
   * @param rule the reporting rule's metadata
   * @param path display path of the file
   * @param line 1-based line
   * @param column 1-based column
   * @param length length of the reported text in UTF-16 code units (at least 1)
   * @param message what is wrong here, without final period
   * @param fix the concrete fix for this place
   */
  public void report(
      RuleInfo rule, String path, int line, int column, int length, String message, String fix) {
    String snippet = project.line(path, line).stripTrailing();
    Span span = Span.onLine(line, Math.max(1, column), Math.max(1, length));
    findings.add(new Finding(rule.id(), rule.severity(), message, path, span, snippet, fix));
  }

  /** Everything reported so far. */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
