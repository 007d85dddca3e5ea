package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the scanner knows about one C or C++ file: tokens, comments, directives, functions,
 * static-storage variables, struct layouts, calls, and candidate writes (assignments to names that
 * are not locals or parameters, resolved to variables project-wide).
 *
 * @param path display path
 * @param source the lexed file
 * @param cpp whether it is C++
 * @param header whether it is a header
 * @param generatedBy the tool that generated it (e.g. {@code Cython}), when its first comment says
 *     so
 * @param functions function definitions in source order
 * @param variables static-storage variables in source order
 * @param structs struct and class definitions
 * @param calls calls inside function bodies, in source order
 * @param assignments candidate writes to non-local names inside function bodies
 * @param valueHashes hashes of the identifiers the file uses other than as a call or a function
 *     definition's name (a function stored in a table escapes to callers that can run on any
 *     thread); a hash set keeps large files cheap to query
 * @param initFunctions names of functions that run module initialisation: {@code PyInit_}
 *     functions, {@code Py_mod_exec}/{@code Py_mod_create} slot functions, {@code
 *     PYBIND11_MODULE}/{@code NB_MODULE} bodies, and functions that create the module
 */
public record CFile(
    String path,
    CSource source,
    boolean cpp,
    boolean header,
    Optional<String> generatedBy,
    List<CFunction> functions,
    List<CVariable> variables,
    List<CStruct> structs,
    List<CCall> calls,
    List<Assignment> assignments,
    NameHashes valueHashes,
    Set<String> initFunctions) {

  public CFile {
    functions = List.copyOf(functions);
    variables = List.copyOf(variables);
    structs = List.copyOf(structs);
    calls = List.copyOf(calls);
    assignments = List.copyOf(assignments);
    initFunctions = Set.copyOf(initFunctions);
  }

  /**
   * An assignment, compound assignment or increment of a name that is not a local or a parameter of
   * the function, before it is known whether the name is a static-storage variable.
   *
   * @param name the name written
   * @param function the function doing it
   * @param token index of the name token
   * @param lockHeld a mutex acquired earlier in the function is still held
   * @param criticalSection inside a critical section
   */
  public record Assignment(
      String name, CFunction function, int token, boolean lockHeld, boolean criticalSection) {}

  /** Whether the file may use {@code name} as a value (hash-based: false positives possible). */
  public boolean mayUseAsValue(String name) {
    return valueHashes.mayContain(name);
  }

  public CTokens tokens() {
    return source.tokens();
  }

  public List<SourceComment> comments() {
    return source.comments();
  }

  public List<Directive> directives() {
    return source.directives();
  }

  /** The text of a line, 1-based. */
  public String lineText(int line) {
    return source.tokens().lineText(line);
  }

  /** The function with this name, the first when there are several. */
  public Optional<CFunction> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The file-scope or function-static variable with this name visible in {@code function}. */
  public Optional<CVariable> variable(String name, Optional<String> function) {
    Optional<CVariable> local =
        variables.stream()
            .filter(v -> v.name().equals(name) && v.function().isPresent())
            .filter(v -> v.function().equals(function))
            .findFirst();
    if (local.isPresent()) {
      return local;
    }
    return variables.stream()
        .filter(v -> v.name().equals(name) && v.function().isEmpty())
        .findFirst();
  }

  /** The texts of a call's top-level arguments, tokens joined by single spaces. */
  public List<String> arguments(CCall call) {
    return splitTopLevel(call.argsOpen() + 1, call.argsClose());
  }

  /** Texts of the comma-separated parts of tokens {@code [from, to)} at nesting level 0. */
  public List<String> splitTopLevel(int from, int to) {
    CTokens t = tokens();
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int partStart = from;
    for (int i = from; i < to && i < t.size(); i++) {
      if (t.isPunct(i, '(') || t.isPunct(i, '[') || t.isPunct(i, '{')) {
        depth++;
      } else if (t.isPunct(i, ')') || t.isPunct(i, ']') || t.isPunct(i, '}')) {
        depth--;
      } else if (depth == 0 && t.isPunct(i, ',')) {
        parts.add(t.joined(partStart, i - 1));
        partStart = i + 1;
      }
    }
    if (partStart < to) {
      parts.add(t.joined(partStart, Math.min(to, t.size()) - 1));
    }
    return parts;
  }

  /** The top-level elements of a variable's braced initialiser; empty when it has none. */
  public List<InitEntry> initializer(CVariable v) {
    if (v.initOpen() < 0) {
      return List.of();
    }
    CTokens t = tokens();
    List<InitEntry> entries = new ArrayList<>();
    int i = v.initOpen() + 1;
    int end = Math.min(v.initClose(), t.size());
    while (i < end) {
      int first = i;
      int depth = 0;
      while (i < end && !(depth == 0 && t.isPunct(i, ','))) {
        if (t.isPunct(i, '(') || t.isPunct(i, '[') || t.isPunct(i, '{')) {
          depth++;
        } else if (t.isPunct(i, ')') || t.isPunct(i, ']') || t.isPunct(i, '}')) {
          depth--;
        }
        i++;
      }
      int last = i - 1;
      if (last >= first) {
        entries.add(entry(first, last));
      }
      i++;
    }
    return entries;
  }

  private InitEntry entry(int first, int last) {
    CTokens t = tokens();
    String designator = "";
    int from = first;
    if (t.isPunct(from, '.') && t.isIdent(from + 1) && t.isPunct(from + 2, '=')) {
      designator = t.text(from + 1);
      from += 3;
    }
    String text = from <= last ? t.joined(from, last) : "";
    List<String> parts;
    if (from <= last && t.isPunct(from, '{') && t.isPunct(last, '}')) {
      parts = splitTopLevel(from + 1, last);
    } else {
      parts = List.of(text);
    }
    return new InitEntry(
        designator, text, parts, first, t.line(first), t.column(first), t.condition(first));
  }

  /** The struct definition known by this name, if the file has one. */
  public Optional<CStruct> struct(String name) {
    return structs.stream().filter(s -> s.names().contains(name)).findFirst();
  }
}
