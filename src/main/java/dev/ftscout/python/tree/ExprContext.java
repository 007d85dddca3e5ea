package dev.ftscout.python.tree;

/** Whether an expression is read, written or deleted: {@code ast.expr_context}. */
public enum ExprContext {
  LOAD("Load"),
  STORE("Store"),
  DEL("Del");

  private final String pythonName;

  ExprContext(String pythonName) {
    this.pythonName = pythonName;
  }

  /** The class name CPython's {@code ast} module uses. */
  public String pythonName() {
    return pythonName;
  }
}
