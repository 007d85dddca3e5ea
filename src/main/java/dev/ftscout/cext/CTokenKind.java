package dev.ftscout.cext;

/** The kinds of C and C++ tokens the extension scanner distinguishes. */
public enum CTokenKind {
  IDENT(0),
  NUMBER(1),
  STRING(2),
  CHAR(3),
  PUNCT(4);

  private final byte code;

  CTokenKind(int code) {
    this.code = (byte) code;
  }

  /** The compact code stored per token in {@link CTokens}. */
  byte code() {
    return code;
  }

  static CTokenKind of(byte code) {
    return switch (code) {
      case 0 -> IDENT;
      case 1 -> NUMBER;
      case 2 -> STRING;
      case 3 -> CHAR;
      default -> PUNCT;
    };
  }
}
