package dev.ftscout.python.tree;

/** Unary operators: {@code ast.unaryop}. */
public enum UnaryOperator {
  INVERT("Invert", "~"),
  NOT("Not", "not"),
  U_ADD("UAdd", "+"),
  U_SUB("USub", "-");

  private final String pythonName;
  private final String symbol;

  UnaryOperator(String pythonName, String symbol) {
    this.pythonName = pythonName;
    this.symbol = symbol;
  }

  /** The class name CPython's {@code ast} module uses. */
  public String pythonName() {
    return pythonName;
  }

  /** The operator as written in source. */
  public String symbol() {
    return symbol;
  }
}
