package dev.ftscout.deps.source;

/** What extension sources declare about running without the GIL. */
public enum GilDeclaration {
  /** Every extension module declares GIL-free support. */
  YES,
  /** At least one extension module does not declare it. */
  NO,
  /** Declared only under a build option or preprocessor condition. */
  CONDITIONAL,
  /** The sources build no extension module at all. */
  NO_EXTENSIONS
}
