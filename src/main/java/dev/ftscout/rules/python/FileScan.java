package dev.ftscout.rules.python;

import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.Span;
import dev.ftscout.python.ParseResult;
import dev.ftscout.python.PythonVersion;
import dev.ftscout.python.SourceLines;
import dev.ftscout.python.TreeWalker;
import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.tree.CmpOperator;
import dev.ftscout.python.tree.ConstantValue;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Located;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.WithItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The state of one file's analysis, shared by every rule during the one walk of its tree: where the
 * walk is (enclosing functions and classes, scope), what the module binds, the findings reported so
 * far, and the call-graph facts that decide severities once every file has been read.
 */
final class FileScan {
  private final ParseResult parsed;
  private final ModuleModel model;
  private final PythonVersion target;
  private final List<Node> defs = new ArrayList<>();
  private final List<Candidate> candidates = new ArrayList<>();
  private final Map<Object, Object> ruleState = new HashMap<>();
  private final Map<String, Set<String>> calls = new LinkedHashMap<>();
  private final Set<String> entries = new LinkedHashSet<>();
  private final Set<String> defined = new LinkedHashSet<>();
  private final List<ConcurrencyFacts.Signal> signals = new ArrayList<>();
  private boolean parallelTests;
  private TreeWalker.@Nullable Context at;
  private @Nullable Scope atScope;
  private final java.util.IdentityHashMap<Expression, Optional<String>> qualifiedNames =
      new java.util.IdentityHashMap<>();
  // Keyed by the body list itself: rules ask about the same function body for many names.
  private final java.util.IdentityHashMap<List<Statement>, Map<String, List<Expression>>> bindings =
      new java.util.IdentityHashMap<>();
  // The innermost function's key, recomputed only when the walk enters or leaves a definition.
  private @Nullable String functionKey;

  FileScan(ParseResult parsed, ModuleModel model, PythonVersion target) {
    this.parsed = parsed;
    this.model = model;
    this.target = target;
  }

  ModuleModel model() {
    return model;
  }

  String path() {
    return model.path();
  }

  PythonVersion target() {
    return target;
  }

  SourceLines lines() {
    return parsed.lines();
  }

  /** Called by the walk before each check: the context of the node being visited. */
  void at(TreeWalker.Context context) {
    this.at = context;
    this.atScope = null;
  }

  TreeWalker.Context context() {
    TreeWalker.Context c = at;
    if (c == null) {
      throw new IllegalStateException("no node is being visited");
    }
    return c;
  }

  /** The scope the visited node is evaluated in (looked up once per node). */
  Scope scope() {
    Scope s = atScope;
    if (s == null) {
      s = context().scope().orElse(model.symbols().module());
      atScope = s;
    }
    return s;
  }

  void enter(Node def) {
    defs.add(def);
    functionKey = null;
    if (def instanceof Statement.FunctionDefinition) {
      defined.add(pathKey());
    }
  }

  // Identity: the definition being left is the very node entered last.
  @SuppressWarnings("ReferenceEquality")
  void exit(Node def) {
    if (!defs.isEmpty() && defs.get(defs.size() - 1) == def) {
      defs.remove(defs.size() - 1);
      functionKey = null;
    }
  }

  /** Whether the node being visited runs inside a function (not at import time). */
  boolean inFunction() {
    for (Node d : defs) {
      if (d instanceof Statement.FunctionDefinition) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the innermost function runs while the module is imported (one thread, under the import
   * lock): a module-level function called or used as a decorator at module level, or a method used
   * as a decorator in its class body.
   */
  boolean inImportTimeFunction() {
    if (defs.size() == 1 && defs.get(0) instanceof Statement.FunctionDefinition f) {
      return model.runsAtImport(f.name());
    }
    if (defs.size() == 2
        && defs.get(0) instanceof Statement.ClassDef c
        && defs.get(1) instanceof Statement.FunctionDefinition f) {
      return model.runsAtImport(c.name() + "." + f.name());
    }
    return false;
  }

  /** The innermost enclosing function. */
  Optional<Statement.FunctionDefinition> function() {
    for (int i = defs.size() - 1; i >= 0; i--) {
      if (defs.get(i) instanceof Statement.FunctionDefinition f) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The class whose method the innermost function is. */
  Optional<Statement.ClassDef> methodClass() {
    for (int i = defs.size() - 1; i >= 0; i--) {
      if (defs.get(i) instanceof Statement.FunctionDefinition) {
        return i > 0 && defs.get(i - 1) instanceof Statement.ClassDef c
            ? Optional.of(c)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The key of the innermost function ({@code module.Class.method}); empty at module level. */
  String functionKey() {
    String key = functionKey;
    if (key == null) {
      key = computeFunctionKey();
      functionKey = key;
    }
    return key;
  }

  private String computeFunctionKey() {
    int last = -1;
    for (int i = defs.size() - 1; i >= 0; i--) {
      if (defs.get(i) instanceof Statement.FunctionDefinition) {
        last = i;
        break;
      }
    }
    if (last < 0) {
      return "";
    }
    StringBuilder key = new StringBuilder(model.module());
    for (int i = 0; i <= last; i++) {
      key.append(key.isEmpty() ? "" : ".").append(name(defs.get(i)));
    }
    return key.toString();
  }

  /** The key of a definition inside every def and class the walk is in. */
  String pathKey(String... tail) {
    List<String> names = new ArrayList<>();
    defs.forEach(d -> names.add(name(d)));
    names.addAll(List.of(tail));
    return keyFor(names.toArray(new String[0]));
  }

  /** The key of a definition at the given names below the module. */
  String keyFor(String... names) {
    StringBuilder key = new StringBuilder(model.module());
    for (String n : names) {
      key.append(key.isEmpty() ? "" : ".").append(n);
    }
    return key.toString();
  }

  private static String name(Node def) {
    return switch (def) {
      case Statement.FunctionDefinition f -> f.name();
      case Statement.ClassDef c -> c.name();
      default -> "";
    };
  }

  /** The dotted name an expression refers to through the module's imports, in the current scope. */
  Optional<String> qualified(Expression e) {
    Optional<String> q = qualifiedNames.get(e);
    if (q == null) {
      q = model.qualified(e, scope());
      qualifiedNames.put(e, q);
    }
    return q;
  }

  /** Every value bound to {@code name} in {@code body}, nested functions left out. */
  List<Expression> bindings(String name, List<Statement> body) {
    return bindings.computeIfAbsent(body, Bindings::index).getOrDefault(name, List.of());
  }

  /** Whether the current function's first parameter is {@code name} (self or cls). */
  boolean isFirstParameter(String name) {
    return function()
        .map(f -> {
          var a = f.args();
          var first = !a.posonlyargs().isEmpty() ? a.posonlyargs() : a.args();
          return !first.isEmpty() && first.get(0).arg().equals(name);
        })
        .orElse(false);
  }

  /** Whether the current function carries a decorator whose name is one of {@code names}. */
  boolean functionDecorated(Set<String> names) {
    return function().map(f -> decorated(f, names)).orElse(false);
  }

  boolean decorated(Statement.FunctionDefinition f, Set<String> names) {
    for (Expression d : f.decoratorList()) {
      Expression e = d instanceof Expression.Call c ? c.func() : d;
      Optional<String> q = model.qualified(e, model.symbols().module());
      String last = e instanceof Expression.Attribute a ? a.attr() : q.orElse("");
      if (q.map(names::contains).orElse(false) || names.contains(last)) {
        return true;
      }
    }
    return false;
  }

  /** Per-file state of one rule, created on first use. */
  @SuppressWarnings("unchecked")
  <S> S state(Object key, Supplier<S> create) {
    return (S) ruleState.computeIfAbsent(key, k -> create.get());
  }

  /**
   * Whether the node being visited is protected by a lock: inside {@code with lock:} (a {@code
   * threading} lock, condition or semaphore, or anything named like one), after {@code
   * lock.acquire()} in the same function, or in a function whose decorator synchronises it.
   */
  boolean guarded() {
    return guarded(context().node());
  }

  boolean guarded(Node node) {
    for (Node n : context().ancestors()) {
      List<WithItem> items =
          switch (n) {
            case Statement.With w -> w.items();
            case Statement.AsyncWith w -> w.items();
            default -> List.of();
          };
      for (WithItem item : items) {
        if (lockLike(item.contextExpr())) {
          return true;
        }
      }
    }
    Optional<Statement.FunctionDefinition> f = function();
    if (f.isEmpty()) {
      return false;
    }
    for (Expression d : f.get().decoratorList()) {
      String text = lastName(d instanceof Expression.Call c ? c.func() : d);
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.contains("synchron") || lockWord(text)) {
        return true;
      }
    }
    int line = node instanceof Located l ? l.lineno() : Integer.MAX_VALUE;
    return Walk.anyInFrame(
        f.get(),
        x ->
            x instanceof Expression.Call c
                && c.func() instanceof Expression.Attribute a
                && a.attr().equals("acquire")
                && c.lineno() < line
                && lockLike(a.value()));
  }

  /** Whether a statement is {@code with lock:} (or {@code async with}) on a lock. */
  boolean locks(Statement s) {
    List<WithItem> items =
        switch (s) {
          case Statement.With w -> w.items();
          case Statement.AsyncWith w -> w.items();
          default -> List.of();
        };
    return items.stream().anyMatch(i -> lockLike(i.contextExpr()));
  }

  /** The names of every function the walk is in, outermost first. */
  List<String> functionNames() {
    List<String> names = new ArrayList<>();
    for (Node d : defs) {
      if (d instanceof Statement.FunctionDefinition f) {
        names.add(f.name());
      }
    }
    return names;
  }

  /** Whether an expression names a lock: bound to one, or named like one. */
  boolean lockLike(Expression e) {
    return switch (e) {
      case Expression.Call c -> lockLike(c.func()) || model.kindOf(c, scope()) == ValueKind.LOCK;
      case Expression.Name n ->
          lockWord(n.id())
              || (scope().isModuleGlobal(n.id())
                  && model.global(n.id()).orElse(ValueKind.OTHER) == ValueKind.LOCK);
      case Expression.Attribute a -> lockWord(a.attr()) || attributeKind(a) == ValueKind.LOCK;
      default -> false;
    };
  }

  /** What a {@code self.x}, {@code cls.x} or {@code Class.x} attribute holds, when known. */
  ValueKind attributeKind(Expression.Attribute a) {
    if (!(a.value() instanceof Expression.Name owner)) {
      return ValueKind.OTHER;
    }
    Optional<Statement.ClassDef> cls = methodClass();
    if (cls.isPresent() && isFirstParameter(owner.id())) {
      return model
          .classNamed(cls.get().name())
          .map(m ->
              m.instanceAttributes()
                  .getOrDefault(a.attr(), m.attributes().getOrDefault(a.attr(), ValueKind.OTHER)))
          .orElse(ValueKind.OTHER);
    }
    if (scope().isModuleGlobal(owner.id())) {
      return model
          .classNamed(owner.id())
          .map(m -> m.attributes().getOrDefault(a.attr(), ValueKind.OTHER))
          .orElse(ValueKind.OTHER);
    }
    return ValueKind.OTHER;
  }

  static boolean lockWord(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    for (String part : lower.split("_")) {
      switch (part) {
        case "lock",
            "rlock",
            "locks",
            "mutex",
            "mtx",
            "cond",
            "condition",
            "cv",
            "sem",
            "semaphore" -> {
          return true;
        }
        default -> {}
      }
    }
    return (lower.endsWith("lock") && !lower.endsWith("block") && !lower.endsWith("clock"))
        || lower.startsWith("lock");
  }

  static String lastName(Expression e) {
    return switch (e) {
      case Expression.Name n -> n.id();
      case Expression.Attribute a -> a.attr();
      default -> "";
    };
  }

  /** Whether the node being visited is under {@code if __name__ == "__main__":}. */
  boolean inMainGuard() {
    for (Node n : context().ancestors()) {
      if (n instanceof Statement.If i
          && i.test() instanceof Expression.Compare c
          && c.left() instanceof Expression.Name name
          && name.id().equals("__name__")
          && c.ops().size() == 1
          && c.ops().get(0) == CmpOperator.EQ
          && c.comparators().get(0) instanceof Expression.Constant k
          && k.value() instanceof ConstantValue.StrValue sv
          && sv.value().equals("__main__")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports a finding at {@code node} (its first line).
   *
   * @param exposure what decides the severity
   * @param severity the severity when exposed (or always, for {@link Exposure#FIXED})
   */
  void report(
      RuleInfo rule,
      Located node,
      Exposure exposure,
      Severity severity,
      String message,
      String fix) {
    candidates.add(candidate(rule, node, exposure, severity, message, fix));
  }

  /** Reports a finding prepared earlier with {@link #candidate}. */
  void report(Candidate c) {
    candidates.add(c);
  }

  /**
   * A finding at {@code node} in the function being visited, for rules that decide at the end of
   * the file whether to report it.
   */
  Candidate candidate(
      RuleInfo rule,
      Located node,
      Exposure exposure,
      Severity severity,
      String message,
      String fix) {
    dev.ftscout.python.tree.Span s = node.span();
    String line = lines().line(s.lineno());
    int col = utf16Column(line, s.colOffset());
    int end =
        s.endLineno() == s.lineno()
            ? utf16Column(line, s.endColOffset())
            : Math.max(col + 1, line.length() + 1);
    Span span = new Span(s.lineno(), col, s.lineno(), Math.max(end, col + 1));
    return new Candidate(
        rule, exposure, severity, functionKey(), path(), span, line.stripTrailing(), message, fix);
  }

  /** The 1-based UTF-16 column of a 0-based UTF-8 byte offset into {@code line}. */
  static int utf16Column(String line, int byteOffset) {
    int bytes = 0;
    int i = 0;
    while (i < line.length() && bytes < byteOffset) {
      int cp = line.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return i + 1 + Math.max(0, byteOffset - bytes);
  }

  List<Candidate> candidates() {
    return candidates;
  }

  /** Records that the current function calls something resolving to {@code ref}. */
  void call(String ref) {
    String from = functionKey();
    if (!from.isEmpty()) {
      calls.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(ref);
    }
  }

  /** Records a function that threads start in. */
  void entry(String ref) {
    entries.add(ref);
  }

  void signal(ConcurrencyFacts.Kind kind, String detail, int line) {
    signals.add(new ConcurrencyFacts.Signal(kind, detail, path(), line));
  }

  void parallelTests() {
    parallelTests = true;
  }

  Map<String, Set<String>> calls() {
    return calls;
  }

  Set<String> entries() {
    return entries;
  }

  /** The keys of every function defined in the file. */
  Set<String> defined() {
    return defined;
  }

  List<ConcurrencyFacts.Signal> signals() {
    return signals;
  }

  boolean runsTestsInThreads() {
    return parallelTests;
  }
}
