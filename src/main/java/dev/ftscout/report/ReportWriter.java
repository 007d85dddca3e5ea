package dev.ftscout.report;

/** Turns a {@link Report} into one output format. */
public interface ReportWriter {
  /** The whole output as text. */
  String write(Report report);
}
