package dev.ftscout.python.scope;

import static dev.ftscout.python.scope.Symbol.DEF_ANNOT;
import static dev.ftscout.python.scope.Symbol.DEF_BOUND;
import static dev.ftscout.python.scope.Symbol.DEF_COMP_CELL;
import static dev.ftscout.python.scope.Symbol.DEF_COMP_ITER;
import static dev.ftscout.python.scope.Symbol.DEF_FREE_CLASS;
import static dev.ftscout.python.scope.Symbol.DEF_GLOBAL;
import static dev.ftscout.python.scope.Symbol.DEF_IMPORT;
import static dev.ftscout.python.scope.Symbol.DEF_LOCAL;
import static dev.ftscout.python.scope.Symbol.DEF_NONLOCAL;
import static dev.ftscout.python.scope.Symbol.DEF_PARAM;
import static dev.ftscout.python.scope.Symbol.DEF_TYPE_PARAM;
import static dev.ftscout.python.scope.Symbol.USE;

import dev.ftscout.python.tree.Alias;
import dev.ftscout.python.tree.Arg;
import dev.ftscout.python.tree.Arguments;
import dev.ftscout.python.tree.Comprehension;
import dev.ftscout.python.tree.ConstantValue;
import dev.ftscout.python.tree.ExceptHandler;
import dev.ftscout.python.tree.ExprContext;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Keyword;
import dev.ftscout.python.tree.MatchCase;
import dev.ftscout.python.tree.Module;
import dev.ftscout.python.tree.Node;
import dev.ftscout.python.tree.Pattern;
import dev.ftscout.python.tree.Span;
import dev.ftscout.python.tree.Statement;
import dev.ftscout.python.tree.TypeParam;
import dev.ftscout.python.tree.WithItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link SymbolTable} the way CPython 3.13's {@code Python/symtable.c} does: a first pass
 * over the tree records raw facts per block (bound here, used here, declared global...), a second
 * pass decides each name's scope (local, global, free, cell) and inlines list, set and dict
 * comprehensions into their enclosing block (PEP 709).
 */
final class SymbolTableBuilder {
  static final int LOCAL = 1;
  static final int GLOBAL_EXPLICIT = 2;
  static final int GLOBAL_IMPLICIT = 3;
  static final int FREE = 4;
  static final int CELL = 5;
  static final int SCOPE_OFFSET = 12;
  static final int SCOPE_MASK = 15;

  /** CPython's {@code _Py_block_ty}, in its order (the numbers are {@code symtable}'s types). */
  enum BlockType {
    FUNCTION(0),
    CLASS(1),
    MODULE(2),
    ANNOTATION(3),
    TYPE_ALIAS(4),
    TYPE_PARAMETERS(5),
    TYPE_VARIABLE(6);

    private final int number;

    BlockType(int number) {
      this.number = number;
    }

    /** The number {@code _symtable} reports for the block type. */
    int number() {
      return number;
    }
  }

  /** One block under construction: CPython's {@code PySTEntryObject}. */
  static final class Entry {
    final String name;
    final BlockType type;
    final int lineno;
    final Node node;
    final @Nullable String privateName;
    final LinkedHashMap<String, Integer> symbols = new LinkedHashMap<>();
    final List<Entry> children = new ArrayList<>();
    final Map<String, List<Binding>> bindings = new LinkedHashMap<>();
    final Map<String, List<Expression.Name>> references = new LinkedHashMap<>();
    final List<ImportBinding> imports = new ArrayList<>();
    final Map<String, Span> directives = new LinkedHashMap<>();
    @Nullable Set<String> mangledNames;
    boolean nested;
    boolean generator;
    boolean coroutine;
    Scope.Comprehension comprehension = Scope.Comprehension.NONE;
    boolean compInlined;
    boolean compIterTarget;
    boolean canSeeClassScope;
    int compIterExpr;
    boolean needsClassClosure;
    boolean needsClassdict;

    Entry(String name, BlockType type, int lineno, Node node, @Nullable String privateName) {
      this.name = name;
      this.type = type;
      this.lineno = lineno;
      this.node = node;
      this.privateName = privateName;
    }

    int flags(String name) {
      Integer v = symbols.get(name);
      return v == null ? 0 : v;
    }

    int scope(String name) {
      return (flags(name) >> SCOPE_OFFSET) & SCOPE_MASK;
    }

    boolean functionLike() {
      return type == BlockType.FUNCTION
          || type == BlockType.TYPE_VARIABLE
          || type == BlockType.TYPE_ALIAS
          || type == BlockType.TYPE_PARAMETERS;
    }
  }

  /** Thrown to stop at the first error, as CPython does. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private final List<Entry> stack = new ArrayList<>();
  private @Nullable Entry cur;
  private @Nullable Entry top;
  private @Nullable String privateName;
  private boolean futureAnnotations;
  private final List<ScopeError> errors = new ArrayList<>();

  /** The block each node is evaluated in. */
  private final IdentityHashMap<Node, Entry> nodeScopes = new IdentityHashMap<>();

  /** The block each scope-creating node creates (the function block for a generic def). */
  private final IdentityHashMap<Node, Entry> createdScopes = new IdentityHashMap<>();

  /** The type-parameter block of a generic def, class or type alias. */
  private final IdentityHashMap<Node, Entry> typeParamScopes = new IdentityHashMap<>();

  SymbolTable build(Module module) {
    Span none = new Span(0, 0, 0, 0);
    try {
      futureAnnotations = future(module);
      enterBlock("top", BlockType.MODULE, module, 0);
      top = cur;
      for (Statement s : module.body()) {
        visitStmt(s);
      }
      exitBlock();
      analyze();
    } catch (Stop e) {
      // the error is recorded; the table keeps what was gathered
      if (top != null && errors.isEmpty()) {
        errors.add(new ScopeError("symbol table incomplete", none));
      }
    }
    Entry root = top;
    if (root == null) {
      root = new Entry("top", BlockType.MODULE, 0, module, null);
    }
    return SymbolTable.create(root, nodeScopes, createdScopes, typeParamScopes, errors);
  }

  // ---- future imports -----------------------------------------------------------------------

  private static final Set<String> FUTURE_FEATURES =
      Set.of(
          "nested_scopes",
          "generators",
          "division",
          "absolute_import",
          "with_statement",
          "print_function",
          "unicode_literals",
          "barry_as_FLUFL",
          "generator_stop",
          "annotations");

  /**
   * {@code future.c}: reads the future statements at the top of the module (after a docstring) and
   * rejects unknown features. Misplaced future imports are the compiler's business, not the symbol
   * table's.
   */
  private boolean future(Module module) {
    boolean annotations = false;
    List<Statement> body = module.body();
    int i = !body.isEmpty() && isDocstring(body.get(0)) ? 1 : 0;
    for (; i < body.size(); i++) {
      if (!(body.get(i) instanceof Statement.ImportFrom f)
          || f.level() != 0
          || !f.module().orElse("").equals("__future__")) {
        break;
      }
      for (Alias a : f.names()) {
        if (a.name().equals("annotations")) {
          annotations = true;
        } else if (a.name().equals("braces")) {
          error("not a chance", a.span());
        } else if (!FUTURE_FEATURES.contains(a.name())) {
          error("future feature " + a.name() + " is not defined", a.span());
        }
      }
    }
    return annotations;
  }

  private static boolean isDocstring(Statement s) {
    return s instanceof Statement.Expr e
        && e.value() instanceof Expression.Constant c
        && c.value() instanceof ConstantValue.StrValue;
  }

  // ---- blocks -------------------------------------------------------------------------------

  private Entry current() {
    Entry c = cur;
    if (c == null) {
      throw new IllegalStateException("no current block");
    }
    return c;
  }

  private void enterBlock(String name, BlockType type, Node node, int lineno) {
    Entry prev = cur;
    Entry e = new Entry(name, type, lineno, node, privateName);
    if (prev != null && (prev.nested || prev.functionLike())) {
      e.nested = true;
    }
    if (prev != null) {
      e.compIterExpr = prev.compIterExpr;
    }
    stack.add(e);
    cur = e;
    if (type == BlockType.ANNOTATION) {
      return;
    }
    if (prev != null) {
      prev.children.add(e);
    }
  }

  private void exitBlock() {
    stack.remove(stack.size() - 1);
    cur = stack.isEmpty() ? null : stack.get(stack.size() - 1);
  }

  private void error(String message, Span span) {
    errors.add(new ScopeError(message, span));
    throw new Stop();
  }

  // ---- definitions --------------------------------------------------------------------------

  static String mangle(@Nullable String privateName, String name) {
    if (privateName == null
        || name.length() < 2
        || name.charAt(0) != '_'
        || name.charAt(1) != '_') {
      return name;
    }
    int n = name.length();
    if ((name.charAt(n - 1) == '_' && name.charAt(n - 2) == '_') || name.indexOf('.') >= 0) {
      return name;
    }
    int i = 0;
    while (i < privateName.length() && privateName.charAt(i) == '_') {
      i++;
    }
    if (i == privateName.length()) {
      return name;
    }
    return "_" + privateName.substring(i) + name;
  }

  private String maybeMangle(Entry ste, String name) {
    Set<String> mangled = ste.mangledNames;
    if (mangled != null && !mangled.contains(name)) {
      return name;
    }
    return mangle(privateName, name);
  }

  private int lookup(String name) {
    Entry c = current();
    return c.flags(maybeMangle(c, name));
  }

  private void addDef(String name, int flag, Span span, @Nullable Binding binding) {
    addDefHelper(name, flag, current(), span, binding);
  }

  private void addDefHelper(
      String name, int flag, Entry ste, Span span, @Nullable Binding binding) {
    if ((flag & DEF_TYPE_PARAM) != 0 && ste.mangledNames != null) {
      ste.mangledNames.add(name);
    }
    String mangled = maybeMangle(current(), name);
    Integer o = ste.symbols.get(mangled);
    int val;
    if (o != null) {
      val = o;
      if ((flag & DEF_PARAM) != 0 && (val & DEF_PARAM) != 0) {
        error("duplicate argument '" + name + "' in function definition", span);
      }
      if ((flag & DEF_TYPE_PARAM) != 0 && (val & DEF_TYPE_PARAM) != 0) {
        error("duplicate type parameter '" + name + "'", span);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) != 0) {
        error(
            "comprehension inner loop cannot rebind assignment expression target '" + name + "'",
            span);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.put(mangled, val);
    if (binding != null) {
      ste.bindings.computeIfAbsent(mangled, k -> new ArrayList<>()).add(binding);
    }
    if ((flag & DEF_GLOBAL) != 0 && (flag & DEF_PARAM) == 0) {
      Entry module = top;
      if (module != null) {
        int g = flag | module.flags(mangled);
        module.symbols.put(mangled, g);
      }
    }
  }

  private void reference(Expression.Name n) {
    Entry c = current();
    c.references.computeIfAbsent(maybeMangle(c, n.id()), k -> new ArrayList<>()).add(n);
  }

  private void directive(String name, Span span) {
    current().directives.putIfAbsent(maybeMangle(current(), name), span);
  }

  // ---- statements ---------------------------------------------------------------------------

  private void visitStmts(List<Statement> body) {
    for (Statement s : body) {
      visitStmt(s);
    }
  }

  private void visitStmt(Statement s) {
    nodeScopes.put(s, current());
    switch (s) {
      case Statement.FunctionDef f ->
          functionDef(
              s,
              f.name(),
              f.args(),
              f.body(),
              f.decoratorList(),
              f.returns(),
              f.typeParams(),
              false);
      case Statement.AsyncFunctionDef f ->
          functionDef(
              s,
              f.name(),
              f.args(),
              f.body(),
              f.decoratorList(),
              f.returns(),
              f.typeParams(),
              true);
      case Statement.ClassDef c -> classDef(c);
      case Statement.TypeAlias t -> typeAlias(t);
      case Statement.Return r -> r.value().ifPresent(this::visitExpr);
      case Statement.Delete d -> {
        for (Expression t : d.targets()) {
          visitTarget(t, Binding.Kind.DELETE);
        }
      }
      case Statement.Assign a -> {
        for (Expression t : a.targets()) {
          visitTarget(t, Binding.Kind.ASSIGNMENT);
        }
        visitExpr(a.value());
      }
      case Statement.AnnAssign a -> annAssign(a);
      case Statement.AugAssign a -> {
        visitTarget(a.target(), Binding.Kind.AUGMENTED_ASSIGNMENT);
        visitExpr(a.value());
      }
      case Statement.For f -> {
        visitTarget(f.target(), Binding.Kind.FOR_TARGET);
        visitExpr(f.iter());
        visitStmts(f.body());
        visitStmts(f.orelse());
      }
      case Statement.AsyncFor f -> {
        visitTarget(f.target(), Binding.Kind.FOR_TARGET);
        visitExpr(f.iter());
        visitStmts(f.body());
        visitStmts(f.orelse());
      }
      case Statement.While w -> {
        visitExpr(w.test());
        visitStmts(w.body());
        visitStmts(w.orelse());
      }
      case Statement.If i -> {
        visitExpr(i.test());
        visitStmts(i.body());
        visitStmts(i.orelse());
      }
      case Statement.With w -> {
        for (WithItem item : w.items()) {
          withItem(item);
        }
        visitStmts(w.body());
      }
      case Statement.AsyncWith w -> {
        for (WithItem item : w.items()) {
          withItem(item);
        }
        visitStmts(w.body());
      }
      case Statement.Match m -> {
        visitExpr(m.subject());
        for (MatchCase c : m.cases()) {
          visitPattern(c.pattern());
          c.guard().ifPresent(this::visitExpr);
          visitStmts(c.body());
        }
      }
      case Statement.Raise r -> {
        if (r.exc().isPresent()) {
          visitExpr(r.exc().get());
          r.cause().ifPresent(this::visitExpr);
        }
      }
      case Statement.Try t -> {
        visitStmts(t.body());
        for (ExceptHandler h : t.handlers()) {
          handler(h);
        }
        visitStmts(t.orelse());
        visitStmts(t.finalbody());
      }
      case Statement.TryStar t -> {
        visitStmts(t.body());
        for (ExceptHandler h : t.handlers()) {
          handler(h);
        }
        visitStmts(t.orelse());
        visitStmts(t.finalbody());
      }
      case Statement.Assert a -> {
        visitExpr(a.test());
        a.msg().ifPresent(this::visitExpr);
      }
      case Statement.Import i -> {
        for (Alias a : i.names()) {
          alias(a, a.name(), Optional.empty(), 0);
        }
      }
      case Statement.ImportFrom i -> {
        for (Alias a : i.names()) {
          alias(a, i.module().orElse(""), Optional.of(a.name()), i.level());
        }
      }
      case Statement.Global g -> declare(g.names(), s, true);
      case Statement.Nonlocal n -> declare(n.names(), s, false);
      case Statement.Expr e -> visitExpr(e.value());
      case Statement.Pass p -> {}
      case Statement.Break b -> {}
      case Statement.Continue c -> {}
    }
  }

  private void functionDef(
      Statement s,
      String name,
      Arguments args,
      List<Statement> body,
      List<Expression> decorators,
      Optional<Expression> returns,
      List<dev.ftscout.python.tree.TypeParam> typeParams,
      boolean async) {
    addDef(name, DEF_LOCAL, s.span(), new Binding(Binding.Kind.FUNCTION_DEF, s.span(), s));
    for (Expression d : args.defaults()) {
      visitExpr(d);
    }
    for (Optional<Expression> d : args.kwDefaults()) {
      d.ifPresent(this::visitExpr);
    }
    for (Expression d : decorators) {
      visitExpr(d);
    }
    if (!typeParams.isEmpty()) {
      boolean hasKwDefaults = args.kwDefaults().stream().anyMatch(Optional::isPresent);
      enterTypeParamBlock(name, s, true, hasKwDefaults, false);
      for (TypeParam tp : typeParams) {
        visitTypeParam(tp);
      }
    }
    annotations(s, args, returns);
    enterBlock(name, BlockType.FUNCTION, s, s.span().lineno());
    createdScopes.put(s, current());
    if (async) {
      current().coroutine = true;
    }
    arguments(args);
    visitStmts(body);
    exitBlock();
    if (!typeParams.isEmpty()) {
      exitBlock();
    }
  }

  private void classDef(Statement.ClassDef c) {
    addDef(c.name(), DEF_LOCAL, c.span(), new Binding(Binding.Kind.CLASS_DEF, c.span(), c));
    for (Expression d : c.decoratorList()) {
      visitExpr(d);
    }
    String saved = privateName;
    if (!c.typeParams().isEmpty()) {
      enterTypeParamBlock(c.name(), c, false, false, true);
      privateName = c.name();
      current().mangledNames = new HashSet<>();
      for (TypeParam tp : c.typeParams()) {
        visitTypeParam(tp);
      }
    }
    for (Expression b : c.bases()) {
      visitExpr(b);
    }
    for (Keyword k : c.keywords()) {
      visitExpr(k.value());
    }
    privateName = c.name();
    enterBlock(c.name(), BlockType.CLASS, c, c.span().lineno());
    createdScopes.put(c, current());
    if (!c.typeParams().isEmpty()) {
      addDef("__type_params__", DEF_LOCAL, c.span(), null);
      addDef(".type_params", USE, c.span(), null);
    }
    visitStmts(c.body());
    exitBlock();
    if (!c.typeParams().isEmpty()) {
      exitBlock();
    }
    privateName = saved;
  }

  private void enterTypeParamBlock(
      String name, Node node, boolean hasDefaults, boolean hasKwDefaults, boolean isClass) {
    BlockType currentType = current().type;
    Span span = ((dev.ftscout.python.tree.Located) node).span();
    enterBlock(name, BlockType.TYPE_PARAMETERS, node, span.lineno());
    typeParamScopes.put(node, current());
    if (currentType == BlockType.CLASS) {
      current().canSeeClassScope = true;
      addDef("__classdict__", USE, span, null);
    }
    if (isClass) {
      addDef(".type_params", DEF_LOCAL, span, null);
      addDef(".type_params", USE, span, null);
      addDef(".generic_base", DEF_LOCAL, span, null);
      addDef(".generic_base", USE, span, null);
    }
    if (hasDefaults) {
      addDef(".defaults", DEF_PARAM, span, null);
    }
    if (hasKwDefaults) {
      addDef(".kwdefaults", DEF_PARAM, span, null);
    }
  }

  private void typeAlias(Statement.TypeAlias t) {
    Expression.Name n = (Expression.Name) t.name();
    nodeScopes.put(n, current());
    addDef(n.id(), DEF_LOCAL, n.span(), new Binding(Binding.Kind.TYPE_ALIAS, t.span(), t));
    boolean inClass = current().type == BlockType.CLASS;
    boolean generic = !t.typeParams().isEmpty();
    if (generic) {
      enterTypeParamBlock(n.id(), t, false, false, false);
      for (TypeParam tp : t.typeParams()) {
        visitTypeParam(tp);
      }
    }
    enterBlock(n.id(), BlockType.TYPE_ALIAS, t, t.span().lineno());
    createdScopes.put(t, current());
    current().canSeeClassScope = inClass;
    if (inClass) {
      addDef("__classdict__", USE, t.value().span(), null);
    }
    visitExpr(t.value());
    exitBlock();
    if (generic) {
      exitBlock();
    }
  }

  private void visitTypeParam(TypeParam tp) {
    nodeScopes.put(tp, current());
    Binding b = new Binding(Binding.Kind.TYPE_PARAMETER, tp.span(), tp);
    addDef(tp.name(), DEF_TYPE_PARAM | DEF_LOCAL, tp.span(), b);
    switch (tp) {
      case TypeParam.TypeVar v -> {
        boundOrDefault(v.bound(), v.name(), tp);
        boundOrDefault(v.defaultValue(), v.name(), tp);
      }
      case TypeParam.TypeVarTuple v -> boundOrDefault(v.defaultValue(), v.name(), tp);
      case TypeParam.ParamSpec v -> boundOrDefault(v.defaultValue(), v.name(), tp);
    }
  }

  private void boundOrDefault(Optional<Expression> e, String name, TypeParam tp) {
    if (name.equals("__classdict__")) {
      error("reserved name '__classdict__' cannot be used for type parameter", tp.span());
    }
    if (e.isEmpty()) {
      return;
    }
    Expression x = e.get();
    boolean inClass = current().canSeeClassScope;
    enterBlock(name, BlockType.TYPE_VARIABLE, x, x.span().lineno());
    current().canSeeClassScope = inClass;
    if (inClass) {
      addDef("__classdict__", USE, x.span(), null);
    }
    visitExpr(x);
    exitBlock();
  }

  private void annAssign(Statement.AnnAssign a) {
    if (a.target() instanceof Expression.Name n) {
      nodeScopes.put(n, current());
      int cur = lookup(n.id());
      if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && current() != top && a.simple()) {
        String what = (cur & DEF_GLOBAL) != 0 ? "global" : "nonlocal";
        error("annotated name '" + n.id() + "' can't be " + what, a.span());
      }
      Binding b = new Binding(Binding.Kind.ANNOTATED_ASSIGNMENT, n.span(), n);
      if (a.simple()) {
        addDef(n.id(), DEF_ANNOT | DEF_LOCAL, n.span(), b);
      } else if (a.value().isPresent()) {
        addDef(n.id(), DEF_LOCAL, n.span(), b);
      }
    } else {
      visitTarget(a.target(), Binding.Kind.ANNOTATED_ASSIGNMENT);
    }
    annotation(a.annotation(), a);
    a.value().ifPresent(this::visitExpr);
  }

  private void annotation(Expression annotation, Node key) {
    if (futureAnnotations) {
      enterBlock("_annotation", BlockType.ANNOTATION, key, annotation.span().lineno());
    }
    visitExpr(annotation);
    if (futureAnnotations) {
      exitBlock();
    }
  }

  private void annotations(Statement s, Arguments a, Optional<Expression> returns) {
    if (futureAnnotations) {
      enterBlock("_annotation", BlockType.ANNOTATION, s, s.span().lineno());
    }
    for (Arg arg : a.posonlyargs()) {
      arg.annotation().ifPresent(this::visitExpr);
    }
    for (Arg arg : a.args()) {
      arg.annotation().ifPresent(this::visitExpr);
    }
    a.vararg().flatMap(Arg::annotation).ifPresent(this::visitExpr);
    a.kwarg().flatMap(Arg::annotation).ifPresent(this::visitExpr);
    for (Arg arg : a.kwonlyargs()) {
      arg.annotation().ifPresent(this::visitExpr);
    }
    if (futureAnnotations) {
      exitBlock();
    }
    if (returns.isPresent()) {
      annotation(returns.get(), returns.get());
    }
  }

  private void arguments(Arguments a) {
    for (Arg arg : a.posonlyargs()) {
      param(arg);
    }
    for (Arg arg : a.args()) {
      param(arg);
    }
    for (Arg arg : a.kwonlyargs()) {
      param(arg);
    }
    a.vararg().ifPresent(this::param);
    a.kwarg().ifPresent(this::param);
  }

  private void param(Arg arg) {
    nodeScopes.put(arg, current());
    addDef(arg.arg(), DEF_PARAM, arg.span(), new Binding(Binding.Kind.PARAMETER, arg.span(), arg));
  }

  private void handler(ExceptHandler h) {
    nodeScopes.put(h, current());
    h.type().ifPresent(this::visitExpr);
    if (h.name().isPresent()) {
      addDef(
          h.name().get(), DEF_LOCAL, h.span(), new Binding(Binding.Kind.EXCEPT_NAME, h.span(), h));
    }
    visitStmts(h.body());
  }

  private void withItem(WithItem item) {
    visitExpr(item.contextExpr());
    item.optionalVars().ifPresent(v -> visitTarget(v, Binding.Kind.WITH_TARGET));
  }

  private void alias(Alias a, String module, Optional<String> member, int level) {
    nodeScopes.put(a, current());
    String name = a.asname().orElse(a.name());
    int dot = name.indexOf('.');
    String store = dot >= 0 ? name.substring(0, dot) : name;
    if (!name.equals("*")) {
      addDef(store, DEF_IMPORT, a.span(), new Binding(Binding.Kind.IMPORT, a.span(), a));
      current().imports.add(new ImportBinding(store, module, member, a.asname(), level, a.span()));
      return;
    }
    if (current().type != BlockType.MODULE) {
      error("import * only allowed at module level", a.span());
    }
  }

  private void declare(List<String> names, Statement s, boolean global) {
    for (String name : names) {
      int cur = lookup(name);
      if ((cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
        String what = global ? "global" : "nonlocal";
        String msg;
        if ((cur & DEF_PARAM) != 0) {
          msg = "name '" + name + "' is parameter and " + what;
        } else if ((cur & USE) != 0) {
          msg = "name '" + name + "' is used prior to " + what + " declaration";
        } else if ((cur & DEF_ANNOT) != 0) {
          msg = "annotated name '" + name + "' can't be " + what;
        } else {
          msg = "name '" + name + "' is assigned to before " + what + " declaration";
        }
        error(msg, s.span());
      }
      addDef(
          name,
          global ? DEF_GLOBAL : DEF_NONLOCAL,
          s.span(),
          new Binding(
              global ? Binding.Kind.GLOBAL_DECLARATION : Binding.Kind.NONLOCAL_DECLARATION,
              s.span(),
              s));
      directive(name, s.span());
    }
  }

  // ---- expressions --------------------------------------------------------------------------

  /** A store or delete target: the names in it are bound with {@code kind}. */
  private void visitTarget(Expression e, Binding.Kind kind) {
    targetKind = kind;
    try {
      visitExpr(e);
    } finally {
      targetKind = Binding.Kind.ASSIGNMENT;
    }
  }

  private Binding.Kind targetKind = Binding.Kind.ASSIGNMENT;

  private void visitExprs(List<Expression> es) {
    for (Expression e : es) {
      visitExpr(e);
    }
  }

  private void visitExpr(Expression e) {
    nodeScopes.put(e, current());
    switch (e) {
      case Expression.NamedExpr n -> namedExpr(n);
      case Expression.BoolOp b -> visitExprs(b.values());
      case Expression.BinOp b -> {
        visitExpr(b.left());
        visitExpr(b.right());
      }
      case Expression.UnaryOp u -> visitExpr(u.operand());
      case Expression.Lambda l -> lambda(l);
      case Expression.IfExp i -> {
        visitExpr(i.test());
        visitExpr(i.body());
        visitExpr(i.orelse());
      }
      case Expression.Dict d -> {
        for (Optional<Expression> k : d.keys()) {
          k.ifPresent(this::visitExpr);
        }
        visitExprs(d.values());
      }
      case Expression.Set s -> visitExprs(s.elts());
      case Expression.GeneratorExp g ->
          comprehension(e, "genexpr", g.generators(), g.elt(), null, Scope.Comprehension.GENERATOR);
      case Expression.ListComp l ->
          comprehension(e, "listcomp", l.generators(), l.elt(), null, Scope.Comprehension.LIST);
      case Expression.SetComp s ->
          comprehension(e, "setcomp", s.generators(), s.elt(), null, Scope.Comprehension.SET);
      case Expression.DictComp d ->
          comprehension(
              e, "dictcomp", d.generators(), d.key(), d.value(), Scope.Comprehension.DICT);
      case Expression.Yield y -> {
        notInAnnotation("yield expression", e);
        y.value().ifPresent(this::visitExpr);
        current().generator = true;
        comprehensionYield(e);
      }
      case Expression.YieldFrom y -> {
        notInAnnotation("yield expression", e);
        visitExpr(y.value());
        current().generator = true;
        comprehensionYield(e);
      }
      case Expression.Await a -> {
        notInAnnotation("await expression", e);
        visitExpr(a.value());
        current().coroutine = true;
      }
      case Expression.Compare c -> {
        visitExpr(c.left());
        visitExprs(c.comparators());
      }
      case Expression.Call c -> {
        visitExpr(c.func());
        visitExprs(c.args());
        for (Keyword k : c.keywords()) {
          nodeScopes.put(k, current());
          visitExpr(k.value());
        }
      }
      case Expression.FormattedValue f -> {
        visitExpr(f.value());
        f.formatSpec().ifPresent(this::visitExpr);
      }
      case Expression.Interpolation i -> {
        visitExpr(i.value());
        i.formatSpec().ifPresent(this::visitExpr);
      }
      case Expression.JoinedStr j -> visitExprs(j.values());
      case Expression.TemplateStr t -> visitExprs(t.values());
      case Expression.Constant c -> {}
      case Expression.Attribute a -> visitExpr(a.value());
      case Expression.Subscript s -> {
        Binding.Kind saved = targetKind;
        targetKind = Binding.Kind.ASSIGNMENT;
        visitExpr(s.value());
        visitExpr(s.slice());
        targetKind = saved;
      }
      case Expression.Starred s -> visitExpr(s.value());
      case Expression.Slice s -> {
        s.lower().ifPresent(this::visitExpr);
        s.upper().ifPresent(this::visitExpr);
        s.step().ifPresent(this::visitExpr);
      }
      case Expression.Name n -> name(n);
      case Expression.List l -> visitExprs(l.elts());
      case Expression.Tuple t -> visitExprs(t.elts());
    }
  }

  private void name(Expression.Name n) {
    if (n.ctx() == ExprContext.LOAD) {
      addDef(n.id(), USE, n.span(), null);
      reference(n);
      if (current().functionLike() && n.id().equals("super")) {
        addDef("__class__", USE, n.span(), null);
      }
    } else {
      Binding.Kind kind = n.ctx() == ExprContext.DEL ? Binding.Kind.DELETE : targetKind;
      if (current().compIterTarget) {
        kind = Binding.Kind.COMPREHENSION_TARGET;
      }
      addDef(n.id(), DEF_LOCAL, n.span(), new Binding(kind, n.span(), n));
    }
  }

  private void notInAnnotation(String what, Expression e) {
    BlockType t = current().type;
    String where =
        switch (t) {
          case ANNOTATION -> "an annotation";
          case TYPE_VARIABLE -> "a TypeVar bound";
          case TYPE_ALIAS -> "a type alias";
          case TYPE_PARAMETERS -> "the definition of a generic";
          default -> null;
        };
    if (where != null) {
      error(what + " cannot be used within " + where, e.span());
    }
  }

  private void comprehensionYield(Expression e) {
    Scope.Comprehension c = current().comprehension;
    if (c == Scope.Comprehension.NONE) {
      return;
    }
    String what =
        switch (c) {
          case LIST -> "list comprehension";
          case SET -> "set comprehension";
          case DICT -> "dict comprehension";
          default -> "generator expression";
        };
    error("'yield' inside " + what, e.span());
  }

  private void lambda(Expression.Lambda l) {
    for (Expression d : l.args().defaults()) {
      visitExpr(d);
    }
    for (Optional<Expression> d : l.args().kwDefaults()) {
      d.ifPresent(this::visitExpr);
    }
    enterBlock("lambda", BlockType.FUNCTION, l, l.span().lineno());
    createdScopes.put(l, current());
    arguments(l.args());
    visitExpr(l.body());
    exitBlock();
  }

  private void namedExpr(Expression.NamedExpr n) {
    notInAnnotation("named expression", n);
    if (current().compIterExpr > 0) {
      error(
          "assignment expression cannot be used in a comprehension iterable expression", n.span());
    }
    if (current().comprehension != Scope.Comprehension.NONE) {
      extendNamedExprScope((Expression.Name) n.target());
    }
    visitExpr(n.value());
    visitTarget(n.target(), Binding.Kind.NAMED_EXPRESSION);
  }

  private void extendNamedExprScope(Expression.Name target) {
    String name = target.id();
    for (int i = stack.size() - 1; i >= 0; i--) {
      Entry ste = stack.get(i);
      if (ste.comprehension != Scope.Comprehension.NONE) {
        int inScope = ste.flags(maybeMangle(ste, name));
        if ((inScope & DEF_COMP_ITER) != 0 && (inScope & DEF_LOCAL) != 0) {
          error(
              "assignment expression cannot rebind comprehension iteration variable '" + name + "'",
              target.span());
        }
        continue;
      }
      Binding b = new Binding(Binding.Kind.NAMED_EXPRESSION, target.span(), target);
      if (ste.type == BlockType.FUNCTION) {
        int inScope = ste.flags(maybeMangle(ste, name));
        if ((inScope & DEF_GLOBAL) != 0) {
          addDef(name, DEF_GLOBAL, target.span(), null);
        } else {
          addDef(name, DEF_NONLOCAL, target.span(), null);
        }
        directive(name, target.span());
        addDefHelper(name, DEF_LOCAL, ste, target.span(), b);
        return;
      }
      if (ste.type == BlockType.MODULE) {
        addDef(name, DEF_GLOBAL, target.span(), null);
        directive(name, target.span());
        addDefHelper(name, DEF_GLOBAL, ste, target.span(), b);
        return;
      }
      String msg =
          switch (ste.type) {
            case CLASS ->
                "assignment expression within a comprehension cannot be used in a class body";
            case TYPE_PARAMETERS ->
                "assignment expression within a comprehension cannot be used within the definition of a generic";
            case TYPE_ALIAS ->
                "assignment expression within a comprehension cannot be used in a type alias";
            case TYPE_VARIABLE ->
                "assignment expression within a comprehension cannot be used in a TypeVar bound";
            default -> null;
          };
      if (msg != null) {
        error(msg, target.span());
      }
    }
  }

  private void comprehension(
      Expression e,
      String scopeName,
      List<Comprehension> generators,
      Expression elt,
      @Nullable Expression value,
      Scope.Comprehension kind) {
    if (current().canSeeClassScope) {
      error("Cannot use comprehension in annotation scope within class scope", e.span());
    }
    boolean isGenerator = kind == Scope.Comprehension.GENERATOR;
    Comprehension outermost = generators.get(0);
    current().compIterExpr++;
    visitExpr(outermost.iter());
    current().compIterExpr--;
    enterBlock(scopeName, BlockType.FUNCTION, e, e.span().lineno());
    createdScopes.put(e, current());
    current().comprehension = kind;
    if (outermost.isAsync()) {
      current().coroutine = true;
    }
    addDef(".0", DEF_PARAM, e.span(), null);
    current().compIterTarget = true;
    visitTarget(outermost.target(), Binding.Kind.COMPREHENSION_TARGET);
    current().compIterTarget = false;
    visitExprs(outermost.ifs());
    for (int i = 1; i < generators.size(); i++) {
      Comprehension g = generators.get(i);
      current().compIterTarget = true;
      visitTarget(g.target(), Binding.Kind.COMPREHENSION_TARGET);
      current().compIterTarget = false;
      current().compIterExpr++;
      visitExpr(g.iter());
      current().compIterExpr--;
      visitExprs(g.ifs());
      if (g.isAsync()) {
        current().coroutine = true;
      }
    }
    if (value != null) {
      visitExpr(value);
    }
    visitExpr(elt);
    current().generator = isGenerator;
    boolean isAsync = current().coroutine && !isGenerator;
    exitBlock();
    if (isAsync) {
      current().coroutine = true;
    }
  }

  // ---- patterns -----------------------------------------------------------------------------

  private void visitPattern(Pattern p) {
    nodeScopes.put(p, current());
    switch (p) {
      case Pattern.MatchValue v -> visitExpr(v.value());
      case Pattern.MatchSingleton s -> {}
      case Pattern.MatchSequence s -> s.patterns().forEach(this::visitPattern);
      case Pattern.MatchStar s ->
          s.name()
              .ifPresent(n ->
                  addDef(
                      n,
                      DEF_LOCAL,
                      p.span(),
                      new Binding(Binding.Kind.MATCH_CAPTURE, p.span(), p)));
      case Pattern.MatchMapping m -> {
        visitExprs(m.keys());
        m.patterns().forEach(this::visitPattern);
        m.rest()
            .ifPresent(n ->
                addDef(
                    n, DEF_LOCAL, p.span(), new Binding(Binding.Kind.MATCH_CAPTURE, p.span(), p)));
      }
      case Pattern.MatchClass c -> {
        visitExpr(c.cls());
        c.patterns().forEach(this::visitPattern);
        c.kwdPatterns().forEach(this::visitPattern);
      }
      case Pattern.MatchAs a -> {
        a.pattern().ifPresent(this::visitPattern);
        a.name()
            .ifPresent(n ->
                addDef(
                    n, DEF_LOCAL, p.span(), new Binding(Binding.Kind.MATCH_CAPTURE, p.span(), p)));
      }
      case Pattern.MatchOr o -> o.patterns().forEach(this::visitPattern);
    }
  }

  // ---- analysis -----------------------------------------------------------------------------

  private void analyze() {
    Entry root = top;
    if (root == null) {
      return;
    }
    analyzeBlock(root, null, new HashSet<>(), new HashSet<>(), new HashSet<>(), null);
  }

  private void analyzeName(
      Entry ste,
      Map<String, Integer> scopes,
      String name,
      int flags,
      @Nullable Set<String> bound,
      Set<String> local,
      Set<String> free,
      Set<String> global,
      Set<String> typeParams,
      @Nullable Entry classEntry) {
    if ((flags & DEF_GLOBAL) != 0) {
      if ((flags & DEF_NONLOCAL) != 0) {
        error("name '" + name + "' is nonlocal and global", directiveSpan(ste, name));
      }
      scopes.put(name, GLOBAL_EXPLICIT);
      global.add(name);
      if (bound != null) {
        bound.remove(name);
      }
      return;
    }
    if ((flags & DEF_NONLOCAL) != 0) {
      if (bound == null) {
        error("nonlocal declaration not allowed at module level", directiveSpan(ste, name));
        return;
      }
      if (!bound.contains(name)) {
        error("no binding for nonlocal '" + name + "' found", directiveSpan(ste, name));
      }
      if (typeParams.contains(name)) {
        error(
            "nonlocal binding not allowed for type parameter '" + name + "'",
            directiveSpan(ste, name));
      }
      scopes.put(name, FREE);
      free.add(name);
      return;
    }
    if ((flags & DEF_BOUND) != 0) {
      scopes.put(name, LOCAL);
      local.add(name);
      global.remove(name);
      if ((flags & DEF_TYPE_PARAM) != 0) {
        typeParams.add(name);
      } else {
        typeParams.remove(name);
      }
      return;
    }
    if (classEntry != null) {
      int classFlags = classEntry.flags(name);
      if ((classFlags & DEF_GLOBAL) != 0) {
        scopes.put(name, GLOBAL_EXPLICIT);
        return;
      } else if ((classFlags & DEF_BOUND) != 0 && (classFlags & DEF_NONLOCAL) == 0) {
        scopes.put(name, GLOBAL_IMPLICIT);
        return;
      }
    }
    if (bound != null && bound.contains(name)) {
      scopes.put(name, FREE);
      free.add(name);
      return;
    }
    if (global.contains(name)) {
      scopes.put(name, GLOBAL_IMPLICIT);
      return;
    }
    scopes.put(name, GLOBAL_IMPLICIT);
  }

  private static Span directiveSpan(Entry ste, String name) {
    Span s = ste.directives.get(name);
    if (s != null) {
      return s;
    }
    return ste.node instanceof dev.ftscout.python.tree.Located l ? l.span() : new Span(1, 0, 1, 0);
  }

  /** CPython splices an inlined comprehension's children into its parent's children list. */
  private static boolean isFreeInAnyChild(Entry entry, String key) {
    for (Entry child : entry.children) {
      if (child.compInlined) {
        if (isFreeInAnyChild(child, key)) {
          return true;
        }
      } else if (child.scope(key) == FREE) {
        return true;
      }
    }
    return false;
  }

  private static void inlineComprehension(
      Entry ste,
      Entry comp,
      Map<String, Integer> scopes,
      Set<String> compFree,
      Set<String> inlinedCells) {
    boolean removeDunderClass = false;
    for (Map.Entry<String, Integer> kv : comp.symbols.entrySet()) {
      String k = kv.getKey();
      int compFlags = kv.getValue();
      if ((compFlags & DEF_PARAM) != 0) {
        continue;
      }
      int scope = (compFlags >> SCOPE_OFFSET) & SCOPE_MASK;
      int onlyFlags = compFlags & ((1 << SCOPE_OFFSET) - 1);
      if (scope == CELL || (onlyFlags & DEF_COMP_CELL) != 0) {
        inlinedCells.add(k);
      }
      Integer existing = ste.symbols.get(k);
      if (scope == FREE && ste.type == BlockType.CLASS && k.equals("__class__")) {
        scope = GLOBAL_IMPLICIT;
        compFree.remove(k);
        removeDunderClass = true;
      }
      if (existing == null) {
        ste.symbols.put(k, onlyFlags);
        scopes.put(k, scope);
      } else if ((existing & DEF_BOUND) != 0 && ste.type != BlockType.CLASS) {
        if (!isFreeInAnyChild(comp, k)) {
          compFree.remove(k);
        }
      }
    }
    if (removeDunderClass) {
      comp.symbols.remove("__class__");
    }
  }

  private static void analyzeCells(
      Map<String, Integer> scopes, Set<String> free, Set<String> inlinedCells) {
    for (Map.Entry<String, Integer> kv : scopes.entrySet()) {
      if (kv.getValue() != LOCAL) {
        continue;
      }
      String name = kv.getKey();
      if (!free.contains(name) && !inlinedCells.contains(name)) {
        continue;
      }
      kv.setValue(CELL);
      free.remove(name);
    }
  }

  private static void dropClassFree(Entry ste, Set<String> free) {
    if (free.remove("__class__")) {
      ste.needsClassClosure = true;
    }
    if (free.remove("__classdict__")) {
      ste.needsClassdict = true;
    }
  }

  private static void updateSymbols(
      Map<String, Integer> symbols,
      Map<String, Integer> scopes,
      @Nullable Set<String> bound,
      Set<String> free,
      Set<String> inlinedCells,
      boolean classflag) {
    for (Map.Entry<String, Integer> kv : symbols.entrySet()) {
      int flags = kv.getValue();
      if (inlinedCells.contains(kv.getKey())) {
        flags |= DEF_COMP_CELL;
      }
      Integer scope = scopes.get(kv.getKey());
      flags |= (scope == null ? 0 : scope) << SCOPE_OFFSET;
      kv.setValue(flags);
    }
    for (String name : free) {
      Integer v = symbols.get(name);
      if (v != null) {
        if (classflag) {
          symbols.put(name, v | DEF_FREE_CLASS);
        }
        continue;
      }
      if (bound != null && !bound.contains(name)) {
        continue;
      }
      symbols.put(name, FREE << SCOPE_OFFSET);
    }
  }

  private void analyzeBlock(
      Entry ste,
      @Nullable Set<String> bound,
      Set<String> free,
      Set<String> global,
      Set<String> typeParams,
      @Nullable Entry classEntry) {
    Set<String> local = new HashSet<>();
    Map<String, Integer> scopes = new LinkedHashMap<>();
    Set<String> newglobal = new HashSet<>();
    Set<String> newfree = new HashSet<>();
    Set<String> newbound = new HashSet<>();
    Set<String> inlinedCells = new HashSet<>();
    if (ste.type == BlockType.CLASS) {
      newglobal.addAll(global);
      if (bound != null) {
        newbound.addAll(bound);
      }
    }
    for (Map.Entry<String, Integer> kv : new ArrayList<>(ste.symbols.entrySet())) {
      analyzeName(
          ste,
          scopes,
          kv.getKey(),
          kv.getValue(),
          bound,
          local,
          free,
          global,
          typeParams,
          classEntry);
    }
    if (ste.type != BlockType.CLASS) {
      if (ste.functionLike()) {
        newbound.addAll(local);
      }
      if (bound != null) {
        newbound.addAll(bound);
      }
      newglobal.addAll(global);
    } else {
      newbound.add("__class__");
      newbound.add("__classdict__");
    }
    for (Entry entry : new ArrayList<>(ste.children)) {
      Entry newClassEntry = null;
      if (entry.canSeeClassScope) {
        if (ste.type == BlockType.CLASS) {
          newClassEntry = ste;
        } else if (classEntry != null) {
          newClassEntry = classEntry;
        }
      }
      boolean inlineComp =
          entry.comprehension != Scope.Comprehension.NONE
              && !entry.generator
              && !ste.canSeeClassScope;
      Set<String> childFree = new HashSet<>(newfree);
      analyzeBlock(
          entry,
          new HashSet<>(newbound),
          childFree,
          new HashSet<>(newglobal),
          new HashSet<>(typeParams),
          newClassEntry);
      if (inlineComp) {
        inlineComprehension(ste, entry, scopes, childFree, inlinedCells);
        entry.compInlined = true;
      }
      newfree.addAll(childFree);
    }
    if (ste.functionLike()) {
      analyzeCells(scopes, newfree, inlinedCells);
    } else if (ste.type == BlockType.CLASS) {
      dropClassFree(ste, newfree);
    }
    updateSymbols(
        ste.symbols,
        scopes,
        bound,
        newfree,
        inlinedCells,
        ste.type == BlockType.CLASS || ste.canSeeClassScope);
    free.addAll(newfree);
  }
}
