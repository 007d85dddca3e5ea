package dev.ftscout.python;

import dev.ftscout.python.tree.ConstantValue;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Decodes numeric and string literals as CPython's parser does ({@code Parser/string_parser.c},
 * {@code Parser/pegen.c}): escapes, {@code \N{...}} names, implicit line continuations, and the
 * same error wording.
 */
final class Literals {
  private Literals() {}

  /** CPython's default limit for decimal integer literals ({@code sys.get_int_max_str_digits}). */
  private static final int MAX_STR_DIGITS = 4300;

  /** A literal that cannot be decoded; the message is CPython's. */
  static final class LiteralException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String text;

    LiteralException(String message) {
      super(message, null, false, false);
      this.text = message;
    }

    /** CPython's message. */
    String text() {
      return text;
    }
  }

  // ---- numbers ------------------------------------------------------------------------------

  static ConstantValue number(String text) throws LiteralException {
    String t = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    char last = t.charAt(t.length() - 1);
    if (last == 'j' || last == 'J') {
      return new ConstantValue.ComplexValue(parseFloat(t.substring(0, t.length() - 1)));
    }
    if (t.length() > 1 && t.charAt(0) == '0') {
      char x = Character.toLowerCase(t.charAt(1));
      if (x == 'x') {
        return new ConstantValue.IntValue(new BigInteger(t.substring(2), 16));
      }
      if (x == 'o') {
        return new ConstantValue.IntValue(new BigInteger(t.substring(2), 8));
      }
      if (x == 'b') {
        return new ConstantValue.IntValue(new BigInteger(t.substring(2), 2));
      }
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return new ConstantValue.FloatValue(parseFloat(t));
      }
    }
    if (t.length() > MAX_STR_DIGITS) {
      throw new LiteralException(
          "Exceeds the limit ("
              + MAX_STR_DIGITS
              + " digits) for integer string conversion: value has "
              + t.length()
              + " digits; use sys.set_int_max_str_digits() to increase the limit - Consider"
              + " hexadecimal for huge integer literals to avoid decimal conversion limits.");
    }
    if (t.length() < 18) {
      return new ConstantValue.IntValue(BigInteger.valueOf(Long.parseLong(t)));
    }
    return new ConstantValue.IntValue(new BigInteger(t));
  }

  private static double parseFloat(String t) {
    return Double.parseDouble(t);
  }

  // ---- strings ------------------------------------------------------------------------------

  /** What the prefix of a string token says. */
  record Prefix(boolean bytes, boolean raw, boolean unicodeKind, int quoteSize, int bodyStart) {}

  /** Reads the prefix and opening quotes of a STRING token starting at {@code s}. */
  static Prefix prefix(byte[] b, int s) {
    boolean bytes = false;
    boolean raw = false;
    boolean u = b[s] == 'u';
    int i = s;
    while (b[i] != '\'' && b[i] != '"') {
      char c = (char) Character.toLowerCase(b[i]);
      if (c == 'b') {
        bytes = true;
      } else if (c == 'r') {
        raw = true;
      }
      i++;
    }
    byte q = b[i];
    int quoteSize = (b[i + 1] == q && b[i + 2] == q) ? 3 : 1;
    return new Prefix(bytes, raw, u, quoteSize, i + quoteSize);
  }

  /** The value of the STRING token {@code b[s, e)}. */
  static ConstantValue string(byte[] b, int s, int e) throws LiteralException {
    Prefix pre = prefix(b, s);
    int from = pre.bodyStart();
    int to = e - pre.quoteSize();
    if (pre.bytes()) {
      for (int i = from; i < to; i++) {
        if (b[i] < 0) {
          throw new LiteralException("bytes can only contain ASCII literal characters");
        }
      }
      if (pre.raw()) {
        byte[] out = new byte[to - from];
        System.arraycopy(b, from, out, 0, to - from);
        return ConstantValue.BytesValue.of(out);
      }
      return ConstantValue.BytesValue.of(decodeBytesEscapes(b, from, to));
    }
    if (pre.raw()) {
      return new ConstantValue.StrValue(utf8(b, from, to));
    }
    return new ConstantValue.StrValue(decodeUnicodeEscapes(b, from, to));
  }

  /** Decodes UTF-8 text, failing with CPython's message. */
  static String utf8(byte[] b, int from, int to) throws LiteralException {
    String s = Utf8.decode(b, from, to);
    if (s == null) {
      throw new LiteralException(Utf8.decodeErrorMessage(b, from, to));
    }
    return s;
  }

  /**
   * {@code decode_unicode_with_escapes}: Python escapes in a {@code str} literal. A backslash at
   * the end or before a non-ASCII character stays a backslash; unknown escapes are kept as written
   * (CPython only warns about them).
   */
  static String decodeUnicodeEscapes(byte[] b, int from, int to) throws LiteralException {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      if (b[i] == '\\') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return utf8(b, from, to);
    }
    StringBuilder sb = new StringBuilder(to - from);
    int i = from;
    int escPos = 0;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c != '\\') {
        if (c < 0x80) {
          sb.append((char) c);
          i++;
          escPos++;
        } else {
          int len = Utf8.sequenceLength(b, i, to);
          if (len < 0) {
            throw new LiteralException(Utf8.decodeErrorMessage(b, i, to));
          }
          sb.append(new String(b, i, len, java.nio.charset.StandardCharsets.UTF_8));
          i += len;
          escPos += 10;
        }
        continue;
      }
      int start = escPos;
      if (i + 1 >= to || (b[i + 1] & 0xFF) >= 0x80) {
        sb.append('\\');
        i++;
        escPos += 6;
        continue;
      }
      int d = b[i + 1] & 0xFF;
      i += 2;
      escPos += 2;
      switch (d) {
        case '\n' -> {}
        case '\\' -> sb.append('\\');
        case '\'' -> sb.append('\'');
        case '"' -> sb.append('"');
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = d - '0';
          for (int k = 0; k < 2 && i < to && b[i] >= '0' && b[i] <= '7'; k++) {
            v = v * 8 + (b[i] - '0');
            i++;
            escPos++;
          }
          sb.appendCodePoint(v);
        }
        case 'x', 'u', 'U' -> {
          int digits = d == 'x' ? 2 : d == 'u' ? 4 : 8;
          int v = 0;
          int k = 0;
          while (k < digits && i < to && Character.digit(b[i], 16) >= 0) {
            v = v * 16 + Character.digit(b[i], 16);
            i++;
            k++;
            escPos++;
          }
          if (k < digits) {
            String what = d == 'x' ? "\\xXX" : d == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
            throw unicodeError(start, escPos - 1, "truncated " + what + " escape");
          }
          if (v < 0 || v > 0x10FFFF) {
            throw unicodeError(start, escPos - 1, "illegal Unicode character");
          }
          sb.appendCodePoint(v);
        }
        case 'N' -> {
          if (i >= to || b[i] != '{') {
            throw unicodeError(start, escPos - 1, "malformed \\N character escape");
          }
          int close = i + 1;
          while (close < to && b[close] != '}') {
            close++;
          }
          if (close >= to || close == i + 1) {
            int endPos = escPos + (close - i);
            throw unicodeError(
                start, Math.min(endPos, escPos + (to - i)) - 1, "malformed \\N character escape");
          }
          String name =
              new String(b, i + 1, close - i - 1, java.nio.charset.StandardCharsets.US_ASCII);
          escPos += close + 1 - i;
          i = close + 1;
          int cp = UnicodeNames.lookup(name);
          if (cp < 0) {
            throw unicodeError(start, escPos - 1, "unknown Unicode character name");
          }
          sb.appendCodePoint(cp);
        }
        default -> {
          sb.append('\\');
          sb.append((char) d);
        }
      }
    }
    return sb.toString();
  }

  private static LiteralException unicodeError(int start, int end, String reason) {
    return new LiteralException(
        String.format(
            Locale.ROOT,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
            start,
            end,
            reason));
  }

  /** {@code _PyBytes_DecodeEscape}: escapes in a non-raw {@code bytes} literal. */
  static byte[] decodeBytesEscapes(byte[] b, int from, int to) throws LiteralException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c != '\\') {
        out.write(c);
        i++;
        continue;
      }
      if (i + 1 >= to) {
        throw new LiteralException("(value error) Trailing \\ in string");
      }
      int d = b[i + 1] & 0xFF;
      int escStart = i - from;
      i += 2;
      switch (d) {
        case '\n' -> {}
        case '\\' -> out.write('\\');
        case '\'' -> out.write('\'');
        case '"' -> out.write('"');
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 't' -> out.write('\t');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 'v' -> out.write(0x0b);
        case 'a' -> out.write(0x07);
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = d - '0';
          for (int k = 0; k < 2 && i < to && b[i] >= '0' && b[i] <= '7'; k++) {
            v = v * 8 + (b[i] - '0');
            i++;
          }
          out.write(v & 0xFF);
        }
        case 'x' -> {
          if (i + 1 < to && Character.digit(b[i], 16) >= 0 && Character.digit(b[i + 1], 16) >= 0) {
            out.write(Character.digit(b[i], 16) * 16 + Character.digit(b[i + 1], 16));
            i += 2;
          } else {
            throw new LiteralException("(value error) invalid \\x escape at position " + escStart);
          }
        }
        default -> {
          out.write('\\');
          out.write(d);
        }
      }
    }
    return out.toByteArray();
  }
}
