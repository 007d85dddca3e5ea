package dev.ftscout.cli;

/** Output formats of report-producing commands. */
public enum Format {
  TEXT,
  JSON,
  SARIF,
  MARKDOWN,
  HTML
}
