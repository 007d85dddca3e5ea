package dev.ftscout.python.scope;

/** A symbol together with the scope that owns it: where a name resolves to. */
public record Definition(Scope scope, Symbol symbol) {
  /** Whether the name lives in the module namespace. */
  public boolean isModuleLevel() {
    return scope.kind() == Scope.Kind.MODULE;
  }
}
