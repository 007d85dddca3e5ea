package dev.ftscout.python.tree;

/** {@code and} / {@code or}: {@code ast.boolop}. */
public enum BoolOperator {
  AND("And", "and"),
  OR("Or", "or");

  private final String pythonName;
  private final String symbol;

  BoolOperator(String pythonName, String symbol) {
    this.pythonName = pythonName;
    this.symbol = symbol;
  }

  /** The class name CPython's {@code ast} module uses. */
  public String pythonName() {
    return pythonName;
  }

  /** The keyword as written in source. */
  public String symbol() {
    return symbol;
  }
}
