package dev.ftscout.rules.cext;

import dev.ftscout.cext.CCall;
import dev.ftscout.cext.CFile;
import dev.ftscout.cext.CFunction;
import dev.ftscout.cext.CTokens;
import dev.ftscout.cext.ExtensionProject;
import dev.ftscout.cext.Truth;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FT205: {@code PyObject_Malloc} (or {@code _Calloc}/{@code _Realloc}) used for memory that is not
 * a Python object. Free-threaded builds require the object domain to hold only Python objects.
 */
public final class ObjectAllocatorForBuffer implements ExtensionRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "FT205",
          "object-allocator-for-buffer",
          Severity.WARNING,
          "PyObject_Malloc allocates memory that is not a Python object",
          "Allocate plain buffers with PyMem_Malloc/PyMem_Calloc/PyMem_Realloc and free them with"
              + " PyMem_Free; keep PyObject_Malloc for Python objects only.",
          List.of(
              "https://docs.python.org/3/howto/free-threading-extensions.html#memory-allocation-apis",
              "https://docs.python.org/3/c-api/memory.html#allocator-domains"),
          RuleInfo.Precision.MEDIUM,
          List.of("free-threading", "extension", "memory"));

  private static final Set<String> ALLOCATORS =
      Set.of(
          "PyObject_Malloc",
          "PyObject_Calloc",
          "PyObject_Realloc",
          "PyObject_MALLOC",
          "PyObject_REALLOC");

  private static final Set<String> OBJECT_INIT =
      Set.of(
          "PyObject_Init",
          "PyObject_InitVar",
          "PyObject_INIT",
          "PyObject_INIT_VAR",
          "_PyObject_Init",
          "_PyObject_InitVar",
          "_Py_NewReference",
          "Py_SET_TYPE",
          "Py_SET_REFCNT");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ExtensionProject project, FindingSink out) {
    for (CFile file : project.cFiles()) {
      for (CCall call : file.calls()) {
        if (!ALLOCATORS.contains(call.name())
            || call.condition().truth() == Truth.NEVER
            || allocatesObject(project, file, call)) {
          continue;
        }
        String free = call.name().contains("Realloc") ? "PyMem_Realloc" : "PyMem_Malloc";
        if (call.name().contains("Calloc")) {
          free = "PyMem_Calloc";
        }
        out.report(
            INFO,
            file.path(),
            call.line(),
            call.column(),
            call.name().length(),
            call.name()
                + " allocates from the object domain, which free-threaded builds reserve for"
                + " Python objects, but this memory is not a Python object",
            "Use " + free + " here and PyMem_Free where this block is freed");
      }
    }
  }

  private static boolean allocatesObject(ExtensionProject project, CFile file, CCall call) {
    Optional<CFunction> fn = call.function().flatMap(file::function);
    if (fn.isEmpty()) {
      return false;
    }
    CFunction f = fn.get();
    for (CCall c : file.calls()) {
      if (f.contains(c.token()) && OBJECT_INIT.contains(c.name())) {
        return true;
      }
    }
    String args = String.join(" ", file.arguments(call));
    if (args.contains("basicsize") || args.contains("_PyObject_SIZE")) {
      return true;
    }
    CTokens t = file.tokens();
    for (int i = call.argsOpen(); i < call.argsClose(); i++) {
      if (t.is(i, "sizeof") && t.isPunct(i + 1, '(') && objectLike(project, t.text(i + 2))) {
        return true;
      }
    }
    int before = call.token() - 1;
    if (t.isPunct(before, ')')) {
      int open = before;
      while (open > f.bodyOpen() && !t.isPunct(open, '(')) {
        open--;
      }
      for (int i = open + 1; i < before; i++) {
        if (t.isIdent(i) && objectLike(project, t.text(i))) {
          return true;
        }
      }
      before = open - 1;
    }
    if (t.is(before, "return")) {
      return typeBefore(t, f.nameToken()).map(n -> objectLike(project, n)).orElse(false);
    }
    if (t.isPunct(before, '=') && t.isIdent(before - 1)) {
      String target = t.text(before - 1);
      if (t.isPunct(before - 2, '*')) {
        return typeBefore(t, before - 1).map(n -> objectLike(project, n)).orElse(false);
      }
      if (t.isPunct(before - 2, '.') || t.is(before - 2, "->")) {
        return false;
      }
      return declaredType(t, f, target).map(n -> objectLike(project, n)).orElse(false);
    }
    return false;
  }

  /** The type name before a declarator at {@code nameToken}, skipping {@code *}s. */
  private static Optional<String> typeBefore(CTokens t, int nameToken) {
    int k = nameToken - 1;
    while (k >= 0 && (t.isPunct(k, '*') || t.is(k, "const"))) {
      k--;
    }
    return t.isIdent(k) ? Optional.of(t.text(k)) : Optional.empty();
  }

  /** The declared type of a pointer variable local to, or a parameter of, {@code f}. */
  private static Optional<String> declaredType(CTokens t, CFunction f, String name) {
    for (int i = f.paramsOpen(); i < f.bodyClose() && i < t.size(); i++) {
      if (t.is(i, name) && t.isPunct(i - 1, '*')) {
        Optional<String> type = typeBefore(t, i);
        if (type.isPresent()) {
          return type;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean objectLike(ExtensionProject project, String type) {
    if (type.equals("PyObject") || type.equals("PyVarObject") || type.endsWith("Object")) {
      return true;
    }
    for (CFile f : project.cFiles()) {
      if (f.struct(type).map(s -> s.objectHeaded()).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
