package dev.ftscout.rules.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's functions, what they call, and where threads start: answers which functions a
 * thread entry point the scan can see reaches. Calls are resolved by name within a module, through
 * {@code self}/{@code cls} to methods, and across modules through imports matched on the dotted
 * name's tail (so {@code src/} layouts and partial scans still resolve); calls through arbitrary
 * objects are not followed.
 */
final class CallGraph {
  private final Set<String> defined = new HashSet<>();
  private final Map<String, List<String>> bySuffix = new HashMap<>();
  private final Map<String, Set<String>> calls = new HashMap<>();
  private final Set<String> entries = new HashSet<>();

  /** Adds one file's functions, calls and thread entry points. */
  void add(Collection<String> functions, Map<String, Set<String>> fileCalls, Set<String> starts) {
    for (String key : functions) {
      if (defined.add(key)) {
        // Every dotted tail of at least two names (the key itself included), cut with substring
        // rather than split and join: this runs on one thread for every function of the project.
        int last = key.lastIndexOf('.');
        for (int start = 0; start <= last; start = key.indexOf('.', start) + 1) {
          bySuffix.computeIfAbsent(key.substring(start), k -> new ArrayList<>()).add(key);
        }
      }
    }
    fileCalls.forEach((from, to) -> calls.computeIfAbsent(from, k -> new HashSet<>()).addAll(to));
    entries.addAll(starts);
  }

  /** Every function a thread entry point reaches, the entry points included. */
  Set<String> reachable() {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String e : entries) {
      todo.addAll(resolve(e));
    }
    while (!todo.isEmpty()) {
      String f = todo.pop();
      if (!seen.add(f)) {
        continue;
      }
      for (String ref : calls.getOrDefault(f, Set.of())) {
        for (String g : resolve(ref)) {
          if (!seen.contains(g)) {
            todo.push(g);
          }
        }
      }
    }
    return seen;
  }

  private List<String> resolve(String ref) {
    if (!ref.startsWith("import:")) {
      return defined.contains(ref) ? List.of(ref) : List.of();
    }
    String dotted = ref.substring("import:".length());
    List<String> out = new ArrayList<>();
    for (String candidate : List.of(dotted, dotted + ".__init__")) {
      if (defined.contains(candidate)) {
        out.add(candidate);
      }
      out.addAll(bySuffix.getOrDefault(candidate, List.of()));
    }
    return out;
  }
}
