package dev.ftscout.rules.python;

import dev.ftscout.python.scope.Definition;
import dev.ftscout.python.scope.ImportBinding;
import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Module;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Nodes;
import dev.ftscout.python.tree.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules need to know about one module before they look at a single statement: its dotted
 * name, what its module-level and class-level names hold, which functions run at import time, and
 * how a name or attribute chain resolves through the module's imports ({@code from threading import
 * Lock} makes {@code Lock} mean {@code threading.Lock}).
 */
final class ModuleModel {
  private static final Set<String> MUTABLE_CALLS =
      Set.of(
          "dict",
          "list",
          "set",
          "bytearray",
          "collections.defaultdict",
          "collections.OrderedDict",
          "collections.Counter",
          "collections.deque",
          "collections.ChainMap",
          "weakref.WeakValueDictionary",
          "weakref.WeakKeyDictionary",
          "weakref.WeakSet",
          "array.array");
  private static final Set<String> LOCK_CALLS =
      Set.of(
          "threading.Lock",
          "threading.RLock",
          "threading.Condition",
          "threading.Semaphore",
          "threading.BoundedSemaphore",
          "_thread.allocate_lock",
          "_thread.RLock",
          "multiprocessing.Lock",
          "multiprocessing.RLock");
  private static final Set<String> QUEUE_CALLS =
      Set.of(
          "queue.Queue",
          "queue.LifoQueue",
          "queue.PriorityQueue",
          "queue.SimpleQueue",
          "multiprocessing.Queue");
  private static final Set<String> IMMUTABLE_CALLS =
      Set.of(
          "frozenset",
          "tuple",
          "str",
          "bytes",
          "int",
          "float",
          "types.MappingProxyType",
          "re.compile",
          "object");
  private static final Set<String> ITERATOR_CALLS =
      Set.of("iter", "map", "filter", "zip", "enumerate", "reversed");

  /** A class defined at module level. */
  record ClassModel(
      String name,
      List<String> bases,
      Map<String, ValueKind> attributes,
      Map<String, ValueKind> instanceAttributes,
      Set<String> methods) {}

  private final String path;
  private final String module;
  private final boolean packageInit;
  private final boolean testFile;
  private final SymbolTable symbols;
  private final List<Statement> body;
  private final Map<String, ValueKind> globals = new HashMap<>();
  private final Map<String, ClassModel> classes = new LinkedHashMap<>();
  private final Set<String> functions = new HashSet<>();
  private final Set<String> generatorFunctions = new HashSet<>();
  private final Set<String> importTimeFunctions = new HashSet<>();

  ModuleModel(String path, Module tree, SymbolTable symbols) {
    this.path = path;
    this.symbols = symbols;
    this.body = tree.body();
    String noExt = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
    this.packageInit = noExt.equals("__init__") || noExt.endsWith("/__init__");
    String dotted = noExt.replace('/', '.');
    if (packageInit) {
      dotted = dotted.equals("__init__") ? "" : dotted.substring(0, dotted.length() - 9);
    }
    this.module = dotted;
    this.testFile = isTestPath(path);
    for (Statement s : tree.body()) {
      collectModuleLevel(s);
    }
  }

  /** Whether a display path names a test module or a pytest {@code conftest.py}. */
  static boolean isTestPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String name = lower.substring(lower.lastIndexOf('/') + 1);
    if (name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")) {
      return true;
    }
    for (String part : lower.split("/")) {
      if (part.equals("tests") || part.equals("test") || part.equals("testing")) {
        return true;
      }
    }
    return false;
  }

  String path() {
    return path;
  }

  /** The module's dotted name, from its path ({@code pkg/sub/__init__.py} is {@code pkg.sub}). */
  String module() {
    return module;
  }

  boolean testFile() {
    return testFile;
  }

  SymbolTable symbols() {
    return symbols;
  }

  List<Statement> moduleBody() {
    return body;
  }

  /** What a module-level name holds; empty when the module does not bind it. */
  Optional<ValueKind> global(String name) {
    return Optional.ofNullable(globals.get(name));
  }

  Optional<ClassModel> classNamed(String name) {
    return Optional.ofNullable(classes.get(name));
  }

  boolean definesFunction(String name) {
    return functions.contains(name);
  }

  /** Module-level functions used as decorators or called while the module is imported. */
  boolean runsAtImport(String function) {
    return importTimeFunctions.contains(function);
  }

  private void collectModuleLevel(Statement s) {
    switch (s) {
      case Statement.Assign a -> {
        for (Expression t : a.targets()) {
          bindTarget(t, kindOf(a.value(), symbols.module()));
        }
        noteImportTimeCalls(a.value());
      }
      case Statement.AnnAssign a ->
          a.value()
              .ifPresent(v -> {
                bindTarget(a.target(), kindOf(v, symbols.module()));
                noteImportTimeCalls(v);
              });
      case Statement.AugAssign a -> bindTarget(a.target(), ValueKind.OTHER);
      case Statement.Import i -> i.names().forEach(al -> bind(bound(al), ValueKind.DEFINITION));
      case Statement.ImportFrom i -> i.names().forEach(al -> bind(bound(al), ValueKind.DEFINITION));
      case Statement.FunctionDefinition f -> {
        bind(f.name(), ValueKind.DEFINITION);
        functions.add(f.name());
        symbols
            .scopeOf(f)
            .filter(Scope::isGenerator)
            .ifPresent(sc -> generatorFunctions.add(f.name()));
        f.decoratorList().forEach(this::noteDecorator);
      }
      case Statement.ClassDef c -> {
        bind(c.name(), ValueKind.DEFINITION);
        c.decoratorList().forEach(this::noteDecorator);
        classes.put(c.name(), classModel(c));
      }
      case Statement.Expr e -> noteImportTimeCalls(e.value());
      default -> {
        for (Node child : Nodes.children(s)) {
          if (child instanceof Statement inner) {
            collectModuleLevel(inner);
          } else if (child instanceof dev.ftscout.python.tree.ExceptHandler h) {
            h.body().forEach(this::collectModuleLevel);
          }
        }
      }
    }
  }

  private static String bound(dev.ftscout.python.tree.Alias alias) {
    return alias.asname().orElse(alias.name().split("\\.")[0]);
  }

  private void bindTarget(Expression target, ValueKind kind) {
    switch (target) {
      case Expression.Name n -> bind(n.id(), kind);
      case Expression.Tuple t -> t.elts().forEach(e -> bindTarget(e, ValueKind.OTHER));
      case Expression.List l -> l.elts().forEach(e -> bindTarget(e, ValueKind.OTHER));
      case Expression.Starred st -> bindTarget(st.value(), ValueKind.OTHER);
      default -> {}
    }
  }

  private void bind(String name, ValueKind kind) {
    globals.merge(name, kind, ModuleModel::merge);
  }

  /** Two bindings of one name: a mutable container anywhere makes the name mutable. */
  static ValueKind merge(ValueKind a, ValueKind b) {
    if (a == b) {
      return a;
    }
    if (a == ValueKind.MUTABLE || b == ValueKind.MUTABLE) {
      return ValueKind.MUTABLE;
    }
    return ValueKind.OTHER;
  }

  private void noteDecorator(Expression decorator) {
    Expression d = decorator instanceof Expression.Call c ? c.func() : decorator;
    if (d instanceof Expression.Name n) {
      importTimeFunctions.add(n.id());
    }
  }

  private void noteImportTimeCalls(Expression e) {
    if (e instanceof Expression.Call c && c.func() instanceof Expression.Name n) {
      importTimeFunctions.add(n.id());
    }
  }

  private ClassModel classModel(Statement.ClassDef c) {
    Map<String, ValueKind> attributes = new HashMap<>();
    Map<String, ValueKind> instance = new HashMap<>();
    Set<String> methods = new HashSet<>();
    Scope classScope = symbols.scopeOf(c).orElse(symbols.module());
    for (Statement s : c.body()) {
      switch (s) {
        case Statement.Assign a -> {
          for (Expression t : a.targets()) {
            if (t instanceof Expression.Name n) {
              attributes.merge(n.id(), kindOf(a.value(), classScope), ModuleModel::merge);
            }
          }
        }
        case Statement.AnnAssign a when a.target() instanceof Expression.Name n ->
            attributes.merge(
                n.id(),
                a.value().map(v -> kindOf(v, classScope)).orElse(ValueKind.OTHER),
                ModuleModel::merge);
        case Statement.FunctionDefinition f -> {
          methods.add(f.name());
          f.decoratorList()
              .forEach(d -> {
                if (d instanceof Expression.Name n) {
                  // Methods used as decorators inside the class body run at class creation.
                  importTimeFunctions.add(c.name() + "." + n.id());
                }
              });
          collectInstanceAttributes(f, instance);
        }
        default -> {}
      }
    }
    List<String> bases =
        c.bases().stream()
            .map(b ->
                qualified(b, symbols.module()).orElse(b instanceof Expression.Name n ? n.id() : ""))
            .toList();
    return new ClassModel(c.name(), bases, attributes, instance, methods);
  }

  private void collectInstanceAttributes(
      Statement.FunctionDefinition f, Map<String, ValueKind> instance) {
    List<dev.ftscout.python.tree.Arg> params = f.args().posonlyargs();
    String self =
        !params.isEmpty()
            ? params.get(0).arg()
            : f.args().args().isEmpty() ? "" : f.args().args().get(0).arg();
    if (self.isEmpty()) {
      return;
    }
    Scope fs = symbols.scopeOf(f).orElse(symbols.module());
    Walk.statements(
        f.body(),
        s -> {
          switch (s) {
            case Statement.Assign a -> {
              for (Expression t : a.targets()) {
                selfAttribute(t, self)
                    .ifPresent(n -> instance.merge(n, kindOf(a.value(), fs), ModuleModel::merge));
              }
            }
            case Statement.AnnAssign a ->
                selfAttribute(a.target(), self)
                    .ifPresent(n ->
                        instance.merge(
                            n,
                            a.value().map(v -> kindOf(v, fs)).orElse(ValueKind.OTHER),
                            ModuleModel::merge));
            case Statement.AugAssign a ->
                selfAttribute(a.target(), self)
                    .ifPresent(n -> instance.merge(n, ValueKind.OTHER, ModuleModel::merge));
            default -> {}
          }
        });
  }

  private static Optional<String> selfAttribute(Expression target, String self) {
    if (target instanceof Expression.Attribute a
        && a.value() instanceof Expression.Name n
        && n.id().equals(self)) {
      return Optional.of(a.attr());
    }
    return Optional.empty();
  }

  /** What evaluating {@code value} in {@code scope} produces, as far as it can be told. */
  ValueKind kindOf(Expression value, Scope scope) {
    return switch (value) {
      case Expression.Dict d -> ValueKind.MUTABLE;
      case Expression.List l -> ValueKind.MUTABLE;
      case Expression.Set st -> ValueKind.MUTABLE;
      case Expression.DictComp d -> ValueKind.MUTABLE;
      case Expression.ListComp l -> ValueKind.MUTABLE;
      case Expression.SetComp st -> ValueKind.MUTABLE;
      case Expression.GeneratorExp g -> ValueKind.ITERATOR;
      case Expression.Tuple t -> ValueKind.IMMUTABLE;
      case Expression.JoinedStr j -> ValueKind.IMMUTABLE;
      case Expression.Constant c -> c.value().isNone() ? ValueKind.OTHER : ValueKind.IMMUTABLE;
      case Expression.Lambda l -> ValueKind.DEFINITION;
      case Expression.Call c -> callKind(c, scope);
      case Expression.BinOp b
          when (b.op() == dev.ftscout.python.tree.Operator.MULT
                  || b.op() == dev.ftscout.python.tree.Operator.ADD)
              && (b.left() instanceof Expression.List || b.right() instanceof Expression.List) ->
          ValueKind.MUTABLE;
      default -> ValueKind.OTHER;
    };
  }

  private ValueKind callKind(Expression.Call c, Scope scope) {
    if (c.func() instanceof Expression.Name n
        && generatorFunctions.contains(n.id())
        && scope.isModuleGlobal(n.id())) {
      return ValueKind.ITERATOR;
    }
    Optional<String> q = qualified(c.func(), scope);
    if (q.isEmpty()) {
      return ValueKind.OTHER;
    }
    String name = q.get();
    if (MUTABLE_CALLS.contains(name)) {
      return ValueKind.MUTABLE;
    }
    if (LOCK_CALLS.contains(name)) {
      return ValueKind.LOCK;
    }
    if (name.equals("threading.local") || name.equals("_threading_local.local")) {
      return ValueKind.THREAD_LOCAL;
    }
    if (QUEUE_CALLS.contains(name)) {
      return ValueKind.QUEUE;
    }
    if (name.equals("contextvars.ContextVar")) {
      return ValueKind.CONTEXT_VAR;
    }
    if (IMMUTABLE_CALLS.contains(name)) {
      return ValueKind.IMMUTABLE;
    }
    if (ITERATOR_CALLS.contains(name)
        || name.startsWith("itertools.")
        || (!name.contains(".") && generatorFunctions.contains(name))) {
      return ValueKind.ITERATOR;
    }
    return ValueKind.OTHER;
  }

  /**
   * The dotted name an expression refers to through imports: {@code os.environ} for {@code
   * os.environ} after {@code import os}, {@code threading.Lock} for {@code Lock} after {@code from
   * threading import Lock}, the bare name for builtins. Empty for anything bound locally or by
   * assignment, and for expressions that are not names or attribute chains.
   */
  Optional<String> qualified(Expression e, Scope scope) {
    return switch (e) {
      case Expression.Name n -> qualifiedName(n.id(), scope);
      case Expression.Attribute a -> qualified(a.value(), scope).map(q -> q + "." + a.attr());
      default -> Optional.empty();
    };
  }

  private Optional<String> qualifiedName(String id, Scope scope) {
    Optional<Definition> def = scope.resolve(id);
    if (def.isEmpty()) {
      return Optional.of(id);
    }
    Definition d = def.get();
    if (!d.symbol().isImported()) {
      return Optional.empty();
    }
    ImportBinding found = null;
    for (ImportBinding b : d.scope().imports()) {
      if (b.boundName().equals(id)) {
        found = b;
      }
    }
    return found == null ? Optional.empty() : Optional.of(absolute(found));
  }

  /** The absolute dotted name an import binds. */
  String absolute(ImportBinding b) {
    if (b.name().isEmpty()) {
      String m = b.module();
      return b.alias().isPresent() || !m.contains(".") ? m : m.substring(0, m.indexOf('.'));
    }
    String member = b.name().get();
    if (b.level() == 0) {
      return b.module().isEmpty() ? member : b.module() + "." + member;
    }
    String pkg = packageInit ? module : parent(module);
    for (int i = 1; i < b.level(); i++) {
      pkg = parent(pkg);
    }
    StringBuilder s = new StringBuilder(pkg);
    if (!b.module().isEmpty()) {
      s.append(s.isEmpty() ? "" : ".").append(b.module());
    }
    s.append(s.isEmpty() ? "" : ".").append(member);
    return s.toString();
  }

  private static String parent(String dotted) {
    int dot = dotted.lastIndexOf('.');
    return dot < 0 ? "" : dotted.substring(0, dot);
  }
}
