package dev.ftscout.python.scope;

import dev.ftscout.python.tree.Module;
import dev.ftscout.python.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scopes and symbols of one module, computed as CPython 3.13's {@code symtable} computes them:
 * which names are local, global (declared or implicit), free or cell in each scope, what binds
 * them, and which scope each node of the tree is evaluated in.
 */
public final class SymbolTable {
  private final Scope module;
  private final List<Scope> scopes;
  private final IdentityHashMap<Node, Scope> nodeScopes;
  private final IdentityHashMap<Node, Scope> createdScopes;
  private final IdentityHashMap<Node, Scope> typeParamScopes;
  private final List<ScopeError> errors;

  private SymbolTable(
      Scope module,
      List<Scope> scopes,
      IdentityHashMap<Node, Scope> nodeScopes,
      IdentityHashMap<Node, Scope> createdScopes,
      IdentityHashMap<Node, Scope> typeParamScopes,
      List<ScopeError> errors) {
    this.module = module;
    this.scopes = scopes;
    this.nodeScopes = nodeScopes;
    this.createdScopes = createdScopes;
    this.typeParamScopes = typeParamScopes;
    this.errors = errors;
  }

  /** Builds the symbol table of a parsed module. */
  public static SymbolTable build(Module module) {
    return new SymbolTableBuilder().build(module);
  }

  static SymbolTable create(
      SymbolTableBuilder.Entry root,
      IdentityHashMap<Node, SymbolTableBuilder.Entry> nodeEntries,
      IdentityHashMap<Node, SymbolTableBuilder.Entry> createdEntries,
      IdentityHashMap<Node, SymbolTableBuilder.Entry> typeParamEntries,
      List<ScopeError> errors) {
    Map<SymbolTableBuilder.Entry, Scope> made = new HashMap<>();
    Scope top = new Scope(root, null, made);
    List<Scope> all = new ArrayList<>();
    collect(top, all);
    return new SymbolTable(
        top,
        List.copyOf(all),
        translate(nodeEntries, made),
        translate(createdEntries, made),
        translate(typeParamEntries, made),
        List.copyOf(errors));
  }

  private static IdentityHashMap<Node, Scope> translate(
      IdentityHashMap<Node, SymbolTableBuilder.Entry> in,
      Map<SymbolTableBuilder.Entry, Scope> made) {
    IdentityHashMap<Node, Scope> out = new IdentityHashMap<>(in.size() * 2);
    for (Map.Entry<Node, SymbolTableBuilder.Entry> kv : in.entrySet()) {
      Scope s = made.get(kv.getValue());
      if (s != null) {
        out.put(kv.getKey(), s);
      }
    }
    return out;
  }

  private static void collect(Scope s, List<Scope> out) {
    out.add(s);
    for (Scope c : s.children()) {
      collect(c, out);
    }
  }

  /** The module's scope, the root of all others. */
  public Scope module() {
    return module;
  }

  /** Every scope, module first, in source order (depth first). */
  public List<Scope> scopes() {
    return scopes;
  }

  /**
   * The scope a node creates: the function scope of a {@code def} (not its type-parameter scope),
   * the class body, a lambda, a comprehension, a {@code type} alias value.
   */
  public Optional<Scope> scopeOf(Node definingNode) {
    return Optional.ofNullable(createdScopes.get(definingNode));
  }

  /** The PEP 695 type-parameter scope of a generic def, class or type alias. */
  public Optional<Scope> typeParameterScopeOf(Node definingNode) {
    return Optional.ofNullable(typeParamScopes.get(definingNode));
  }

  /**
   * The scope a statement, expression, pattern, parameter or alias is evaluated in, as CPython
   * decides: a function's decorators and defaults belong to the enclosing scope, its body to the
   * function; a comprehension's first iterable to the enclosing scope, the rest to the
   * comprehension.
   */
  public Optional<Scope> scopeAt(Node node) {
    return Optional.ofNullable(nodeScopes.get(node));
  }

  /** Errors CPython would raise while building its symbol table; empty for valid code. */
  public List<ScopeError> errors() {
    return errors;
  }

  /** Every import binding in the module, in scope order. */
  public List<ImportBinding> imports() {
    List<ImportBinding> all = new ArrayList<>();
    for (Scope s : scopes) {
      all.addAll(s.imports());
    }
    return List.copyOf(all);
  }
}
