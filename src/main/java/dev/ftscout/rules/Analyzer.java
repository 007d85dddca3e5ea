package dev.ftscout.rules;

import dev.ftscout.model.SourceFile;
import java.util.List;

/**
 * One front end and the rules of its family, run over the files of a project. The scan hands each
 * analyzer the files it {@linkplain #wants wants}; the analyzer reads them with its front end and
 * runs its rules in one pass.
 */
public interface Analyzer {
  /** Whether this analyzer reads a file, judged by its display path. */
  boolean wants(String path);

  /** Analyzes the wanted files of one project together (some facts span files). */
  AnalysisResult analyze(List<SourceFile> files, AnalysisContext context);
}
