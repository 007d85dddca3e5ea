package dev.ftscout.deps.audit;

/** How a package stands on one target. */
public enum Support {
  /** A wheel with a free-threaded ABI tag ({@code cp314t}, {@code abi3t}) installs. */
  FREE_THREADED_WHEEL(false),
  /** A pure-Python package: installs and runs everywhere. */
  PURE_PYTHON(false),
  /** A binary package that works without its extension (pure wheel or fallback), only slower. */
  PURE_FALLBACK(false),
  /** Only an sdist: judged by source inspection, which says the extensions are GIL-free. */
  SOURCE_DECLARES_GIL_FREE(false),
  /** Only an sdist and nothing says whether its extensions are GIL-free. */
  SDIST_UNKNOWN(false),
  /**
   * Only an sdist, without a pure-Python fallback, and source inspection says an extension module
   * does not declare GIL-free support (or only under a build condition): built from source, it
   * turns the GIL back on when it is imported.
   */
  SOURCE_REENABLES_GIL(true),
  /** A binary package with no free-threaded wheel for this target: a blocker. */
  NO_FREE_THREADED_WHEEL(true),
  /** Marker excludes it on this target. */
  NOT_REQUIRED(false),
  /** A URL, VCS, local or conda dependency: listed, not checked. */
  NOT_CHECKED(false),
  /** The index has no such project or version (or offline and not cached). */
  NOT_FOUND(false);

  private final boolean blocker;

  Support(boolean blocker) {
    this.blocker = blocker;
  }

  /** Whether the package keeps the project from running free-threaded on the target. */
  public boolean blocker() {
    return blocker;
  }
}
