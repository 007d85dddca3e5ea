package dev.ftscout.python.scope;

import dev.ftscout.python.tree.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One namespace of a module: the module itself, a class body, a function, lambda or comprehension,
 * or one of PEP 695's annotation scopes. Its symbols are those of CPython 3.13's {@code symtable}
 * for the block, so a list comprehension's names also appear in the enclosing function (PEP 709
 * inlining) while the comprehension keeps a scope of its own here, marked {@link #isInlined()}.
 */
public final class Scope {

  /** What kind of block the scope is. */
  public enum Kind {
    MODULE,
    CLASS,
    FUNCTION,
    LAMBDA,
    COMPREHENSION,
    /** A {@code from __future__ import annotations} annotation block. */
    ANNOTATION,
    /** The value of a {@code type X = ...} statement. */
    TYPE_ALIAS,
    /** The type-parameter scope of a generic function, class or type alias. */
    TYPE_PARAMETERS,
    /** A type parameter's bound, constraints or default. */
    TYPE_VARIABLE
  }

  /** Which comprehension a {@link Kind#COMPREHENSION} scope is. */
  public enum Comprehension {
    NONE,
    LIST,
    SET,
    DICT,
    GENERATOR
  }

  private final String name;
  private final Kind kind;
  private final int symtableType;
  private final Comprehension comprehension;
  private final int lineno;
  private final Node node;
  private final @Nullable Scope parent;
  private final @Nullable String privateName;
  private final boolean inlined;
  private final boolean generator;
  private final boolean coroutine;
  private final List<Scope> children = new ArrayList<>();
  private final Map<String, Symbol> symbols;
  private final List<ImportBinding> imports;

  Scope(
      SymbolTableBuilder.Entry entry,
      @Nullable Scope parent,
      Map<SymbolTableBuilder.Entry, Scope> made) {
    this.name = entry.name;
    this.symtableType = entry.type.number();
    this.comprehension = entry.comprehension;
    this.lineno = entry.lineno;
    this.node = entry.node;
    this.parent = parent;
    this.privateName = entry.privateName;
    this.inlined = entry.compInlined;
    this.generator = entry.generator;
    this.coroutine = entry.coroutine;
    this.kind = kindOf(entry);
    Map<String, Symbol> syms = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> kv : entry.symbols.entrySet()) {
      String n = kv.getKey();
      int flags = kv.getValue();
      syms.put(
          n,
          new Symbol(
              n,
              flags & ((1 << SymbolTableBuilder.SCOPE_OFFSET) - 1),
              resolution(
                  (flags >> SymbolTableBuilder.SCOPE_OFFSET) & SymbolTableBuilder.SCOPE_MASK),
              entry.bindings.getOrDefault(n, List.of()),
              entry.references.getOrDefault(n, List.of())));
    }
    this.symbols = Collections.unmodifiableMap(syms);
    this.imports = List.copyOf(entry.imports);
    made.put(entry, this);
    for (SymbolTableBuilder.Entry child : entry.children) {
      children.add(new Scope(child, this, made));
    }
  }

  private static Kind kindOf(SymbolTableBuilder.Entry e) {
    return switch (e.type) {
      case MODULE -> Kind.MODULE;
      case CLASS -> Kind.CLASS;
      case ANNOTATION -> Kind.ANNOTATION;
      case TYPE_ALIAS -> Kind.TYPE_ALIAS;
      case TYPE_PARAMETERS -> Kind.TYPE_PARAMETERS;
      case TYPE_VARIABLE -> Kind.TYPE_VARIABLE;
      case FUNCTION -> {
        if (e.comprehension != Comprehension.NONE) {
          yield Kind.COMPREHENSION;
        }
        yield e.node instanceof dev.ftscout.python.tree.Expression.Lambda
            ? Kind.LAMBDA
            : Kind.FUNCTION;
      }
    };
  }

  private static Resolution resolution(int scope) {
    return switch (scope) {
      case SymbolTableBuilder.GLOBAL_EXPLICIT -> Resolution.GLOBAL_EXPLICIT;
      case SymbolTableBuilder.GLOBAL_IMPLICIT -> Resolution.GLOBAL_IMPLICIT;
      case SymbolTableBuilder.FREE -> Resolution.FREE;
      case SymbolTableBuilder.CELL -> Resolution.CELL;
      default -> Resolution.LOCAL;
    };
  }

  /**
   * The block's name: the function or class name, {@code top}, {@code lambda}, {@code listcomp}...
   */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** For comprehension scopes, which comprehension. */
  public Comprehension comprehension() {
    return comprehension;
  }

  /**
   * CPython's block type number, as {@code _symtable} reports it (0 function ... 6 type variable).
   */
  public int symtableType() {
    return symtableType;
  }

  /** The line the block starts on (0 for the module). */
  public int lineno() {
    return lineno;
  }

  /** The node that creates the scope: a {@code Module}, def, class, lambda, comprehension... */
  public Node node() {
    return node;
  }

  /** The enclosing scope; empty for the module. */
  public Optional<Scope> parent() {
    return Optional.ofNullable(parent);
  }

  /** Nested scopes in source order, inlined comprehensions included. */
  public List<Scope> children() {
    return Collections.unmodifiableList(children);
  }

  /** The symbols of this scope, keyed by (mangled) name. */
  public Map<String, Symbol> symbols() {
    return symbols;
  }

  /** Names this scope binds by import, in source order. */
  public List<ImportBinding> imports() {
    return imports;
  }

  /** Whether CPython inlines this comprehension into its enclosing scope (PEP 709, 3.12+). */
  public boolean isInlined() {
    return inlined;
  }

  /** Whether the block is a generator (contains {@code yield}, or is a generator expression). */
  public boolean isGenerator() {
    return generator;
  }

  /** Whether the block is a coroutine ({@code async def}, or uses {@code await}). */
  public boolean isCoroutine() {
    return coroutine;
  }

  /** Whether names bound here live in a function frame (not a module or class namespace). */
  public boolean isFunctionLike() {
    return kind != Kind.MODULE && kind != Kind.CLASS && kind != Kind.ANNOTATION;
  }

  /** The name as CPython stores it here: {@code __x} inside class {@code C} is {@code _C__x}. */
  public String mangle(String name) {
    return SymbolTableBuilder.mangle(privateName, name);
  }

  /** The symbol for {@code name} (as written in source) in this scope. */
  public Optional<Symbol> symbol(String name) {
    Symbol s = symbols.get(mangle(name));
    return s == null ? Optional.ofNullable(symbols.get(name)) : Optional.of(s);
  }

  /** The module scope at the root of this scope's tree. */
  public Scope module() {
    Scope s = this;
    while (s.parent != null) {
      s = s.parent;
    }
    return s;
  }

  /**
   * Where {@code name}, read in this scope, is defined: in this scope, in an enclosing function (a
   * closure), or at module level. Empty for builtins and names bound nowhere.
   */
  public Optional<Definition> resolve(String name) {
    Optional<Symbol> own = symbol(name);
    if (own.isEmpty()) {
      return moduleBinding(name);
    }
    Symbol s = own.get();
    return switch (s.resolution()) {
      case LOCAL, CELL -> Optional.of(new Definition(this, s));
      case GLOBAL_EXPLICIT, GLOBAL_IMPLICIT -> moduleBinding(name);
      case FREE -> {
        for (Scope p = parent; p != null; p = p.parent) {
          if (p.kind == Kind.CLASS) {
            continue;
          }
          Optional<Symbol> ps = p.symbol(name);
          if (ps.isPresent() && ps.get().isLocal()) {
            yield Optional.of(new Definition(p, ps.get()));
          }
        }
        yield Optional.empty();
      }
    };
  }

  private Optional<Definition> moduleBinding(String name) {
    Scope m = module();
    Symbol s = m.symbols.get(name);
    if (s == null || (s.flags() & (Symbol.DEF_BOUND | Symbol.DEF_GLOBAL)) == 0) {
      return Optional.empty();
    }
    return Optional.of(new Definition(m, s));
  }

  /**
   * Whether {@code name}, read or written in this scope, is a module-level global: bound at module
   * level (or declared {@code global} somewhere) rather than local, a closure variable, or a
   * builtin.
   */
  public boolean isModuleGlobal(String name) {
    if (kind == Kind.MODULE) {
      Symbol s = symbols.get(name);
      return s != null && (s.flags() & (Symbol.DEF_BOUND | Symbol.DEF_GLOBAL)) != 0;
    }
    return resolve(name).map(Definition::isModuleLevel).orElse(false);
  }

  /** The module-level definition {@code name} refers to from this scope, with its binding sites. */
  public Optional<Definition> moduleDefinition(String name) {
    return resolve(name).filter(Definition::isModuleLevel);
  }

  @Override
  public String toString() {
    return kind + " " + name + " (line " + lineno + ")";
  }
}
