package dev.ftscout.deps.input;

/** How a dependency is obtained, which decides whether the index can answer for it. */
public enum DependencyKind {
  /** From a package index by name: resolved and evaluated. */
  INDEX,
  /** A direct URL to an archive: listed, not resolved. */
  URL,
  /** A version-control checkout ({@code git+https://...}): listed, not resolved. */
  VCS,
  /** An editable install ({@code -e}): listed, not resolved. */
  EDITABLE,
  /** A local directory or archive: listed, not resolved. */
  LOCAL_PATH,
  /** A conda package from {@code environment.yml}: listed, not checked. */
  CONDA
}
