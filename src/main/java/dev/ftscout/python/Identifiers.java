package dev.ftscout.python;

import java.text.Normalizer;

/** PEP 3131 identifier rules, approximated with Java's Unicode tables. */
final class Identifiers {
  private Identifiers() {}

  /** XID_Start, or {@code _}. */
  static boolean isStart(int cp) {
    return cp == '_' || Character.isUnicodeIdentifierStart(cp);
  }

  /** XID_Continue. */
  static boolean isContinue(int cp) {
    return (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp))
        || cp == 0x200C
        || cp == 0x200D
        || cp == 0x00B7
        || cp == 0x0387;
  }

  /** CPython's {@code str.isprintable} for one character. */
  static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /** Identifiers are compared after NFKC normalisation, as CPython's parser stores them. */
  static String normalize(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) >= 128) {
        return Normalizer.normalize(id, Normalizer.Form.NFKC);
      }
    }
    return id;
  }
}
