package dev.ftscout.rules.deps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds whether a package falls back to pure Python when its extension module cannot be imported: a
 * module imports the extension (or a module that needs it) inside {@code try:} with an {@code
 * except ImportError} (or {@code ModuleNotFoundError}, {@code Exception}, a bare {@code except}).
 * Modules are matched by their last name component, read line by line from the package's {@code
 * .py} files; nothing is run.
 */
final class PurePythonFallback {
  private static final Pattern IMPORT = Pattern.compile("import\\s+(.+)");
  private static final Pattern FROM = Pattern.compile("from\\s+(\\S+)\\s+import\\s+(.+)");
  private static final Pattern EXCEPT =
      Pattern.compile("except\\s*(?:\\(?([^):]*)\\)?)?\\s*(?:as\\s+\\w+\\s*)?:.*");
  private static final Set<String> CATCHES_IMPORT_ERROR =
      Set.of("ImportError", "ModuleNotFoundError", "Exception", "BaseException");

  private PurePythonFallback() {}

  /** An import statement: where, what it names, whether a handler of import errors guards it. */
  record Import(String file, int line, String text, Set<String> names, boolean guarded) {}

  /**
   * The first import that falls back to pure Python, as {@code file:line: ...} evidence.
   *
   * @param pythonFiles the package's Python files by display path
   * @param extensionNames the extension modules' names (dotted or plain)
   */
  static Optional<String> find(Map<String, String> pythonFiles, Set<String> extensionNames) {
    Set<String> needs = new HashSet<>();
    extensionNames.forEach(n -> needs.add(last(n)));
    Map<String, List<Import>> imports = new java.util.TreeMap<>();
    pythonFiles.forEach((path, text) -> imports.put(path, imports(path, text)));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var e : imports.entrySet()) {
        String module = moduleName(e.getKey());
        if (needs.contains(module)) {
          continue;
        }
        boolean requires =
            e.getValue().stream()
                .anyMatch(i -> !i.guarded() && i.names().stream().anyMatch(needs::contains));
        if (requires) {
          needs.add(module);
          grew = true;
        }
      }
    }
    for (List<Import> list : imports.values()) {
      for (Import i : list) {
        if (i.guarded() && i.names().stream().anyMatch(needs::contains)) {
          return Optional.of(
              i.file()
                  + ":"
                  + i.line()
                  + ": falls back to pure Python when `"
                  + i.text()
                  + "` fails");
        }
      }
    }
    return Optional.empty();
  }

  /** The module a file defines, by its last name: {@code pkg/_speedups.py} gives _speedups. */
  private static String moduleName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.equals("__init__.py")) {
      String dir = path.substring(0, Math.max(0, path.lastIndexOf('/')));
      return dir.substring(dir.lastIndexOf('/') + 1);
    }
    return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
  }

  private static String last(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /** A {@code try:} block still open, with the imports inside it. */
  private static final class TryBlock {
    final int indent;
    final List<Integer> imports = new ArrayList<>();
    boolean guards;

    TryBlock(int indent) {
      this.indent = indent;
    }
  }

  static List<Import> imports(String path, String text) {
    List<Import> found = new ArrayList<>();
    List<Boolean> guarded = new ArrayList<>();
    List<TryBlock> open = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String inString = "";
    for (int n = 0; n < lines.length; n++) {
      String raw = lines[n];
      if (!inString.isEmpty()) {
        if (raw.contains(inString)) {
          inString = "";
        }
        continue;
      }
      String stripped = raw.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      String opener = tripleQuoteLeftOpen(stripped);
      int indent = raw.length() - raw.stripLeading().length();
      boolean handler =
          stripped.startsWith("except")
              || stripped.startsWith("else:")
              || stripped.startsWith("finally:");
      while (!open.isEmpty()) {
        TryBlock top = open.get(open.size() - 1);
        if (indent > top.indent || (indent == top.indent && handler)) {
          break;
        }
        close(open.remove(open.size() - 1), guarded);
      }
      if (!open.isEmpty() && handler && open.get(open.size() - 1).indent == indent) {
        Matcher m = EXCEPT.matcher(stripped);
        if (m.matches() && catchesImportErrors(m.group(1))) {
          open.get(open.size() - 1).guards = true;
        }
      } else if (stripped.equals("try:")) {
        open.add(new TryBlock(indent));
      } else {
        Set<String> names = importedNames(stripped);
        if (!names.isEmpty()) {
          found.add(new Import(path, n + 1, stripped, names, false));
          guarded.add(false);
          for (TryBlock b : open) {
            if (b.indent < indent) {
              b.imports.add(found.size() - 1);
            }
          }
        }
      }
      if (!opener.isEmpty()) {
        inString = opener;
      }
    }
    while (!open.isEmpty()) {
      close(open.remove(open.size() - 1), guarded);
    }
    List<Import> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Import f = found.get(i);
      out.add(new Import(f.file(), f.line(), f.text(), f.names(), guarded.get(i)));
    }
    return out;
  }

  private static void close(TryBlock block, List<Boolean> guarded) {
    if (block.guards) {
      block.imports.forEach(i -> guarded.set(i, true));
    }
  }

  /** A bare {@code except:} or a list naming a class that catches import errors. */
  private static boolean catchesImportErrors(String clause) {
    if (clause == null || clause.isBlank()) {
      return true;
    }
    for (String part : clause.split(",")) {
      if (CATCHES_IMPORT_ERROR.contains(last(part.strip()))) {
        return true;
      }
    }
    return false;
  }

  /** The last name components an import statement mentions (modules and imported names). */
  static Set<String> importedNames(String statement) {
    Set<String> names = new HashSet<>();
    Matcher from = FROM.matcher(statement);
    if (from.matches()) {
      String module = from.group(1).replaceAll("^\\.+", "");
      if (!module.isEmpty()) {
        names.add(last(module));
      }
      for (String part : from.group(2).replace("(", " ").replace(")", " ").split(",")) {
        String name = part.strip().split("\\s+")[0];
        if (!name.isEmpty() && !name.equals("*") && !name.equals("\\")) {
          names.add(name);
        }
      }
      return names;
    }
    Matcher imp = IMPORT.matcher(statement);
    if (imp.matches() && statement.startsWith("import")) {
      for (String part : imp.group(1).split(",")) {
        String name = part.strip().split("\\s+")[0];
        if (!name.isEmpty()) {
          names.add(last(name));
        }
      }
    }
    return names;
  }

  /** The triple quote a line opens and leaves open, or empty. */
  private static String tripleQuoteLeftOpen(String line) {
    for (String q : List.of("\"\"\"", "'''")) {
      int count = 0;
      int at = line.indexOf(q);
      int first = at;
      while (at >= 0) {
        count++;
        at = line.indexOf(q, at + 3);
      }
      if (count % 2 == 1 && first >= 0) {
        return q;
      }
    }
    return "";
  }
}
