package dev.ftscout.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything a rule declares about itself, once, where its code is.
 *
 * @param id {@code FT1xx} Python, {@code FT2xx} extension sources, {@code FT3xx} dependencies,
 *     {@code FT4xx} runtime evidence
 * @param name kebab-case name, e.g. {@code missing-gil-declaration}
 * @param severity default severity
 * @param summary one line, no final period
 * @param fix how to fix it, one or two sentences
 * @param sources where the fact behind the rule is documented (PEP, CPython docs, headers)
 * @param precision how often a finding is a real problem (SARIF {@code precision})
 * @param tags free-form tags for SARIF and filtering
 */
public record RuleInfo(
    String id,
    String name,
    Severity severity,
    String summary,
    String fix,
    List<String> sources,
    Precision precision,
    List<String> tags) {

  private static final Pattern ID = Pattern.compile("FT[1-4]\\d\\d");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public RuleInfo {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must look like FT101: " + id);
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rule name must be kebab-case: " + name);
    }
    if (summary.isBlank() || summary.endsWith(".")) {
      throw new IllegalArgumentException("summary must be one line without final period: " + id);
    }
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
  }

  /** The family of the rule, from the first digit of its id. */
  public String family() {
    return switch (id.charAt(2)) {
      case '1' -> "python";
      case '2' -> "extension";
      case '3' -> "dependencies";
      default -> "runtime";
    };
  }

  /** The file name of the rule's doc page under {@code docs/rules/}. */
  public String docFileName() {
    return id + "-" + name + ".md";
  }

  /** SARIF's precision levels. */
  public enum Precision {
    VERY_HIGH,
    HIGH,
    MEDIUM,
    LOW;

    /** The SARIF spelling, e.g. {@code very-high}. */
    public String sarif() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
