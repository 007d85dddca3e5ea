package dev.ftscout.cext;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the C functions that only run while modules initialise: the initialisation functions of
 * each file, and, project-wide, every function called only from those and never used as a value (a
 * function stored in a method table or type slot can run on any thread later). Functions are keyed
 * by name, static ones by {@code path#name}.
 */
final class InitAnalysis {
  private InitAnalysis() {}

  static String key(CFile file, CFunction f) {
    return f.isStatic() ? file.path() + "#" + f.name() : f.name();
  }

  static Set<String> initFunctions(List<CFile> files) {
    Map<String, String> publicFunctions = new HashMap<>();
    for (CFile file : files) {
      for (CFunction f : file.functions()) {
        if (!f.isStatic()) {
          publicFunctions.put(f.name(), f.name());
        }
      }
    }
    Set<String> init = new HashSet<>();
    Map<String, Set<String>> callers = new HashMap<>();
    Set<String> escaped = new HashSet<>();
    Map<String, CFunction> all = new HashMap<>();
    for (CFile file : files) {
      Map<String, CFunction> local = new HashMap<>();
      for (CFunction f : file.functions()) {
        local.putIfAbsent(f.name(), f);
        all.putIfAbsent(key(file, f), f);
        if (file.initFunctions().contains(f.name())) {
          init.add(key(file, f));
        }
      }
      for (CCall c : file.calls()) {
        String callee = resolve(file, local, publicFunctions, c.name());
        if (callee.isEmpty() || c.function().isEmpty()) {
          continue;
        }
        CFunction caller = local.get(c.function().get());
        String from = caller == null ? c.function().get() : key(file, caller);
        callers.computeIfAbsent(callee, k -> new HashSet<>()).add(from);
      }
    }
    // Functions join the init set layer by layer (callees of init functions) unless a file uses
    // them as a value.
    while (true) {
      Set<String> layer = new HashSet<>();
      for (String k : all.keySet()) {
        Set<String> from = callers.getOrDefault(k, Set.of());
        if (!init.contains(k)
            && !escaped.contains(k)
            && !from.isEmpty()
            && init.containsAll(from)) {
          layer.add(k);
        }
      }
      if (layer.isEmpty()) {
        break;
      }
      Set<String> names = new HashSet<>();
      for (String k : layer) {
        names.add(k.substring(k.indexOf('#') + 1));
      }
      for (CFile f : files) {
        escaped.addAll(valueReferences(f, names, publicFunctions));
      }
      for (String k : layer) {
        if (!escaped.contains(k)) {
          init.add(k);
        }
      }
    }
    return init;
  }

  /** Which of {@code names} {@code file} uses as values (not called), resolved to keys. */
  private static Set<String> valueReferences(
      CFile file, Set<String> names, Map<String, String> publics) {
    Map<String, CFunction> local = new HashMap<>();
    for (CFunction f : file.functions()) {
      local.putIfAbsent(f.name(), f);
    }
    Set<String> out = new HashSet<>();
    for (String name : names) {
      if (file.mayUseAsValue(name)) {
        String target = resolve(file, local, publics, name);
        if (!target.isEmpty()) {
          out.add(target);
        }
      }
    }
    return out;
  }

  private static String resolve(
      CFile file, Map<String, CFunction> local, Map<String, String> publics, String name) {
    CFunction f = local.get(name);
    if (f != null) {
      return key(file, f);
    }
    return publics.getOrDefault(name, "");
  }
}
