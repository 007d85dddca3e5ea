package dev.ftscout.python.tree;

/** Binary and augmented-assignment operators: {@code ast.operator}. */
public enum Operator {
  ADD("Add", "+"),
  SUB("Sub", "-"),
  MULT("Mult", "*"),
  MAT_MULT("MatMult", "@"),
  DIV("Div", "/"),
  MOD("Mod", "%"),
  POW("Pow", "**"),
  L_SHIFT("LShift", "<<"),
  R_SHIFT("RShift", ">>"),
  BIT_OR("BitOr", "|"),
  BIT_XOR("BitXor", "^"),
  BIT_AND("BitAnd", "&"),
  FLOOR_DIV("FloorDiv", "//");

  private final String pythonName;
  private final String symbol;

  Operator(String pythonName, String symbol) {
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
