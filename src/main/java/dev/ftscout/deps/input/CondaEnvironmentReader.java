package dev.ftscout.deps.input;

import dev.ftscout.deps.DepsInputException;
import dev.ftscout.deps.pep440.SpecifierSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conda's {@code environment.yml}: the {@code dependencies} list. Entries of its {@code pip:}
 * sub-list are PEP 508 requirements (or pip options) and are audited; conda packages are listed as
 * not checked. Only the block-list subset of YAML that environment files use is read.
 */
final class CondaEnvironmentReader {
  DependencyInput read(Path path, Map<String, String> env) {
    TextFile file = TextFile.read(path);
    String[] lines = file.text().split("\n", -1);
    List<DeclaredDependency> deps = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> indexUrls = new ArrayList<>();
    List<DeclaredDependency> constraints = new ArrayList<>();
    int depsIndent = -1;
    int pipIndent = -1;
    boolean inDeps = false;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      String line = raw.replaceAll("\\s+#.*$", "");
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String content = line.strip();
      if (indent == 0) {
        inDeps = content.equals("dependencies:");
        pipIndent = -1;
        if (!inDeps && !content.contains(":")) {
          throw new DepsInputException(path, i + 1, 1, "expected 'key:' at top level");
        }
        continue;
      }
      if (!inDeps) {
        continue;
      }
      if (!content.startsWith("- ") && !content.equals("-")) {
        throw new DepsInputException(path, i + 1, indent + 1, "expected a list item '- ...'");
      }
      String item = unquote(content.substring(1).strip());
      if (pipIndent >= 0 && indent > pipIndent) {
        SourceLocation at = new SourceLocation(path, i + 1, indent + 3);
        if (item.startsWith("-")) {
          if (item.startsWith("-r ") || item.startsWith("--requirement")) {
            Path inc = path.resolveSibling(item.replaceFirst("^(-r|--requirement)[ =]*", ""));
            DependencyInput included = new RequirementsTxtReader(env).read(inc);
            deps.addAll(included.dependencies());
            constraints.addAll(included.constraints());
          } else if (item.startsWith("--index-url") || item.startsWith("-i ")) {
            indexUrls.add(0, item.replaceFirst("^(-i|--index-url)[ =]*", ""));
          } else if (item.startsWith("--extra-index-url")) {
            indexUrls.add(item.replaceFirst("^--extra-index-url[ =]*", ""));
          } else {
            notes.add(path.getFileName() + ":" + (i + 1) + ": pip option not used: " + item);
          }
          continue;
        }
        deps.add(PyprojectReader.fromPep508(path, item, at, Optional.empty()));
        continue;
      }
      pipIndent = -1;
      if (depsIndent < 0) {
        depsIndent = indent;
      }
      if (item.equals("pip:")) {
        pipIndent = indent;
        continue;
      }
      String name = item.split("[=<>!~ \\[]", 2)[0];
      if (name.contains("::")) {
        name = name.substring(name.indexOf("::") + 2);
      }
      if (name.equals("python") || name.equals("pip")) {
        continue;
      }
      deps.add(
          new DeclaredDependency(
              name,
              SpecifierSet.any(),
              Set.of(),
              Optional.empty(),
              Optional.empty(),
              DependencyKind.CONDA,
              item,
              new SourceLocation(path, i + 1, indent + 3),
              Optional.empty(),
              List.of()));
    }
    List<String> roots = deps.stream().map(DeclaredDependency::canonicalName).toList();
    return new DependencyInput(
        path, InputFormat.CONDA_ENVIRONMENT, deps, roots, constraints, indexUrls, Map.of(), notes);
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
