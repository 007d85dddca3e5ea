package dev.ftscout.rules.python;

import dev.ftscout.python.scope.Scope;
import dev.ftscout.python.scope.Symbol;
import dev.ftscout.python.tree.Expression;
import dev.ftscout.python.tree.Statement;
import java.util.Optional;
import java.util.Set;

/**
 * A place every thread reaches: a module-level name, or an attribute of a class (through the class,
 * {@code cls}, {@code type(self)}, or {@code self} when the class body owns a mutable container no
 * instance replaces). Instance attributes and locals are not shared state here.
 *
 * @param id identity of the place within its module, e.g. {@code g:_cache} or {@code c:Pool.count}
 * @param label how messages name it, e.g. {@code module-level '_cache'}
 * @param kind what it holds
 */
record SharedState(String id, String label, ValueKind kind) {
  private static final Set<String> CLASSMETHOD = Set.of("classmethod", "builtins.classmethod");

  /** Whether the place holds a mutable container (dict, list, set...). */
  boolean container() {
    return kind == ValueKind.MUTABLE;
  }

  /** The shared place {@code e} denotes in the code being visited, if it is one. */
  static Optional<SharedState> of(Expression e, FileScan fs) {
    if (!fs.inFunction()) {
      return Optional.empty();
    }
    ModuleModel model = fs.model();
    return switch (e) {
      case Expression.Name n -> global(n.id(), fs);
      case Expression.Attribute a when a.value() instanceof Expression.Name owner -> {
        Optional<Statement.ClassDef> cls = fs.methodClass();
        if (cls.isPresent() && fs.isFirstParameter(owner.id())) {
          String c = cls.get().name();
          Optional<ModuleModel.ClassModel> m = model.classNamed(c);
          ValueKind classKind =
              m.map(x -> x.attributes().getOrDefault(a.attr(), ValueKind.OTHER))
                  .orElse(ValueKind.OTHER);
          boolean classMethod = fs.functionDecorated(CLASSMETHOD) || owner.id().equals("cls");
          if (classMethod) {
            yield Optional.of(classAttribute(c, a.attr(), classKind));
          }
          boolean classOwned =
              m.isPresent()
                  && m.get().attributes().containsKey(a.attr())
                  && !m.get().instanceAttributes().containsKey(a.attr());
          yield classOwned && classKind == ValueKind.MUTABLE
              ? Optional.of(classAttribute(c, a.attr(), classKind))
              : Optional.empty();
        }
        if (fs.scope().isModuleGlobal(owner.id())) {
          yield model
              .classNamed(owner.id())
              .map(m ->
                  classAttribute(
                      owner.id(),
                      a.attr(),
                      m.attributes().getOrDefault(a.attr(), ValueKind.OTHER)));
        }
        yield Optional.empty();
      }
      case Expression.Attribute a when isClassOfSelf(a.value(), fs) ->
          fs.methodClass()
              .map(c ->
                  classAttribute(
                      c.name(),
                      a.attr(),
                      model
                          .classNamed(c.name())
                          .map(m -> m.attributes().getOrDefault(a.attr(), ValueKind.OTHER))
                          .orElse(ValueKind.OTHER)));
      default -> Optional.empty();
    };
  }

  private static Optional<SharedState> global(String id, FileScan fs) {
    Scope scope = fs.scope();
    Optional<Symbol> sym = scope.symbol(id);
    boolean declared = sym.map(Symbol::isDeclaredGlobal).orElse(false);
    if (!declared && !scope.isModuleGlobal(id)) {
      return Optional.empty();
    }
    ValueKind kind = fs.model().global(id).orElse(ValueKind.OTHER);
    if (kind == ValueKind.DEFINITION) {
      return Optional.empty();
    }
    return Optional.of(new SharedState("g:" + id, "module-level '" + id + "'", kind));
  }

  private static SharedState classAttribute(String cls, String attr, ValueKind kind) {
    return new SharedState(
        "c:" + cls + "." + attr, "class attribute '" + cls + "." + attr + "'", kind);
  }

  /** {@code type(self)} or {@code self.__class__} in a method. */
  private static boolean isClassOfSelf(Expression e, FileScan fs) {
    if (e instanceof Expression.Call c
        && c.func() instanceof Expression.Name t
        && t.id().equals("type")
        && c.args().size() == 1
        && c.args().get(0) instanceof Expression.Name self) {
      return fs.isFirstParameter(self.id());
    }
    return e instanceof Expression.Attribute a
        && a.attr().equals("__class__")
        && a.value() instanceof Expression.Name self
        && fs.isFirstParameter(self.id());
  }

  /** The name of the plain expression, for messages: {@code _cache}, {@code Pool.count}. */
  String name() {
    return id.substring(2);
  }
}
