package dev.ftscout.cext;

import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.SourceComment;
import java.util.List;
import java.util.Map;

/**
 * Everything the extension front end read from one project: the per-file models, the extension
 * modules found with their GIL-free declarations, writes to static-storage variables resolved
 * across files, the comments of every file, and the files it skipped.
 *
 * @param cFiles C and C++ files (generated ones excluded)
 * @param cythonFiles Cython files
 * @param rustFiles Rust files with their PyO3 modules
 * @param buildFiles build files
 * @param modules extension modules in a stable order (path, then line)
 * @param writes writes to static-storage variables inside functions
 * @param comments every read file's comments, by display path
 * @param skipped files not analysed, with the reason
 * @param texts every read file's text, for quoting lines
 */
public record ExtensionProject(
    List<CFile> cFiles,
    List<CythonFile> cythonFiles,
    List<RustFile> rustFiles,
    List<BuildFile> buildFiles,
    List<ModuleFact> modules,
    List<VariableWrite> writes,
    Map<String, List<SourceComment>> comments,
    List<SkippedFile> skipped,
    Map<String, SourceText> texts) {

  public ExtensionProject {
    cFiles = List.copyOf(cFiles);
    cythonFiles = List.copyOf(cythonFiles);
    rustFiles = List.copyOf(rustFiles);
    buildFiles = List.copyOf(buildFiles);
    modules = List.copyOf(modules);
    writes = List.copyOf(writes);
    comments = Map.copyOf(comments);
    skipped = List.copyOf(skipped);
    texts = Map.copyOf(texts);
  }

  /** The text of a line of a read file, trimmed at the end; empty when unknown. */
  public String line(String path, int line) {
    SourceText t = texts.get(path);
    return t == null ? "" : t.line(line).stripTrailing();
  }

  /** The number of files read and analysed. */
  public int filesAnalyzed() {
    return texts.size();
  }
}
