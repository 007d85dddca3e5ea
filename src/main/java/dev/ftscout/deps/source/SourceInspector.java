package dev.ftscout.deps.source;

import java.nio.file.Path;

/**
 * Looks at an extracted source distribution and says whether its extension modules declare GIL-free
 * support. The extension-source scanner implements it; the audit only hands it trees it extracted
 * safely and never builds or runs anything.
 */
public interface SourceInspector {
  SourceInspection inspect(Path sourceTree, String project, String version);
}
