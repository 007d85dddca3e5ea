package dev.ftscout.python;

import java.util.Locale;

/** Looks up {@code \N{...}} character names, case-insensitively as CPython does. */
final class UnicodeNames {
  private UnicodeNames() {}

  private static final String CJK = "CJK UNIFIED IDEOGRAPH-";
  private static final String[] JAMO_L = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H"
  };
  private static final String[] JAMO_V = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I"
  };
  private static final String[] JAMO_T = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"
  };

  /** The code point named {@code name}, or -1. */
  static int lookup(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.startsWith(CJK)) {
      String hex = upper.substring(CJK.length());
      if ((hex.length() == 4 || hex.length() == 5)
          && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        int cp = Integer.parseInt(hex, 16);
        if (Character.isIdeographic(cp) && Character.getType(cp) == Character.OTHER_LETTER) {
          return cp;
        }
      }
      return -1;
    }
    if (upper.startsWith("HANGUL SYLLABLE ")) {
      int cp = hangul(upper.substring("HANGUL SYLLABLE ".length()));
      if (cp >= 0) {
        return cp;
      }
    }
    try {
      int cp = Character.codePointOf(upper);
      return Character.getName(cp) == null ? -1 : cp;
    } catch (IllegalArgumentException e) {
      return NameAliases.lookup(upper);
    }
  }

  private static int hangul(String rest) {
    for (int l = 0; l < JAMO_L.length; l++) {
      if (!rest.startsWith(JAMO_L[l])) {
        continue;
      }
      String afterL = rest.substring(JAMO_L[l].length());
      for (int v = 0; v < JAMO_V.length; v++) {
        if (!afterL.startsWith(JAMO_V[v])) {
          continue;
        }
        String afterV = afterL.substring(JAMO_V[v].length());
        for (int t = 0; t < JAMO_T.length; t++) {
          if (afterV.equals(JAMO_T[t])) {
            return 0xAC00 + (l * 21 + v) * 28 + t;
          }
        }
      }
    }
    return -1;
  }
}
