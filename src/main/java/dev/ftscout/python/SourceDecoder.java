package dev.ftscout.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the bytes of a source file into what CPython's tokenizer reads: line ends normalised to
 * {@code \n} with one at the end, a UTF-8 BOM dropped, and text in a PEP 263 declared encoding
 * re-encoded as UTF-8. Bytes in the default UTF-8 are checked later, where CPython checks them
 * (identifiers and string literals), so a stray byte in a comment is accepted as CPython accepts
 * it.
 */
final class SourceDecoder {
  private SourceDecoder() {}

  /** The decoded text, or why it could not be decoded (line, message). */
  static final class Decoded {
    private final byte[] utf8;
    private final Optional<String> error;
    private final int errorLine;

    Decoded(byte[] utf8, Optional<String> error, int errorLine) {
      this.utf8 = utf8;
      this.error = error;
      this.errorLine = errorLine;
    }

    byte[] utf8() {
      return utf8;
    }

    Optional<String> error() {
      return error;
    }

    int errorLine() {
      return errorLine;
    }
  }

  static Decoded decode(byte[] raw) {
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == 0) {
        return new Decoded(
            normalizeNewlines(raw, 0),
            Optional.of("source code string cannot contain null bytes"),
            lineNumberAt(raw, i));
      }
    }
    int from = 0;
    boolean bom = false;
    if (raw.length >= 3
        && (raw[0] & 0xFF) == 0xEF
        && (raw[1] & 0xFF) == 0xBB
        && (raw[2] & 0xFF) == 0xBF) {
      from = 3;
      bom = true;
    }
    byte[] text = normalizeNewlines(raw, from);
    Optional<String> spec = codingSpec(text);
    if (spec.isEmpty() || spec.get().equals("utf-8")) {
      return new Decoded(text, Optional.empty(), 0);
    }
    String name = spec.get();
    if (bom) {
      return new Decoded(text, Optional.of("encoding problem: " + name + " with BOM"), 0);
    }
    Optional<Charset> charset = charsetFor(name);
    if (charset.isEmpty()) {
      return new Decoded(text, Optional.of("unknown encoding: " + name), 0);
    }
    try {
      CharBuffer chars =
          charset
              .get()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(text));
      ByteBuffer out = StandardCharsets.UTF_8.encode(chars);
      byte[] utf8 = new byte[out.remaining()];
      out.get(utf8);
      return new Decoded(utf8, Optional.empty(), 0);
    } catch (CharacterCodingException e) {
      return new Decoded(
          text, Optional.of("(unicode error) '" + name + "' codec can't decode bytes"), 0);
    }
  }

  private static int lineNumberAt(byte[] raw, int off) {
    int line = 1;
    for (int i = 0; i < off; i++) {
      if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 >= raw.length || raw[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** {@code \r\n} and {@code \r} become {@code \n}; a non-empty text gets a final {@code \n}. */
  static byte[] normalizeNewlines(byte[] raw, int from) {
    int len = raw.length - from;
    boolean hasCr = false;
    for (int i = from; i < raw.length; i++) {
      if (raw[i] == '\r') {
        hasCr = true;
        break;
      }
    }
    byte[] out;
    int n;
    if (!hasCr) {
      out = new byte[len + 1];
      System.arraycopy(raw, from, out, 0, len);
      n = len;
    } else {
      out = new byte[len + 1];
      n = 0;
      for (int i = from; i < raw.length; i++) {
        byte c = raw[i];
        if (c == '\r') {
          out[n++] = '\n';
          if (i + 1 < raw.length && raw[i + 1] == '\n') {
            i++;
          }
        } else {
          out[n++] = c;
        }
      }
    }
    if (n > 0 && out[n - 1] != '\n') {
      out[n++] = '\n';
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** The PEP 263 declaration in line 1, or in line 2 when line 1 is blank or a comment. */
  static Optional<String> codingSpec(byte[] text) {
    int end1 = indexOf(text, 0);
    Optional<String> first = specInLine(text, 0, end1);
    if (first.isPresent()) {
      return first;
    }
    if (!onlyCommentOrBlank(text, 0, end1) || end1 >= text.length) {
      return Optional.empty();
    }
    int end2 = indexOf(text, end1 + 1);
    return specInLine(text, end1 + 1, end2);
  }

  private static int indexOf(byte[] text, int from) {
    for (int i = from; i < text.length; i++) {
      if (text[i] == '\n') {
        return i;
      }
    }
    return text.length;
  }

  private static boolean onlyCommentOrBlank(byte[] t, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = t[i];
      if (c == '#') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> specInLine(byte[] t, int from, int to) {
    int size = to - from;
    int i = 0;
    for (; i < size - 6; i++) {
      byte c = t[from + i];
      if (c == '#') {
        break;
      }
      if (c != ' ' && c != '\t' && c != '\f') {
        return Optional.empty();
      }
    }
    for (; i < size - 6; i++) {
      int p = from + i;
      if (t[p] == 'c'
          && t[p + 1] == 'o'
          && t[p + 2] == 'd'
          && t[p + 3] == 'i'
          && t[p + 4] == 'n'
          && t[p + 5] == 'g') {
        int q = p + 6;
        if (q >= to || (t[q] != ':' && t[q] != '=')) {
          continue;
        }
        do {
          q++;
        } while (q < to && (t[q] == ' ' || t[q] == '\t'));
        int begin = q;
        while (q < to
            && ((t[q] > 0 && Character.isLetterOrDigit(t[q]))
                || t[q] == '-'
                || t[q] == '_'
                || t[q] == '.')) {
          q++;
        }
        if (begin < q) {
          return Optional.of(
              normalName(new String(t, begin, q - begin, StandardCharsets.US_ASCII)));
        }
      }
    }
    return Optional.empty();
  }

  /** CPython's {@code get_normal_name}: the spellings of utf-8 and latin-1 it recognises itself. */
  private static String normalName(String s) {
    String buf = s.length() > 12 ? s.substring(0, 12) : s;
    buf = buf.replace('_', '-').toLowerCase(Locale.ROOT);
    if (buf.equals("utf-8") || buf.startsWith("utf-8-")) {
      return "utf-8";
    }
    if (buf.equals("latin-1")
        || buf.equals("iso-8859-1")
        || buf.equals("iso-latin-1")
        || buf.startsWith("latin-1-")
        || buf.startsWith("iso-8859-1-")
        || buf.startsWith("iso-latin-1-")) {
      return "iso-8859-1";
    }
    return s;
  }

  /** Maps a Python codec name onto a Java charset. */
  static Optional<Charset> charsetFor(String pythonName) {
    String n = pythonName.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    String mapped =
        switch (n) {
          case "latin1", "l1", "iso8859-1", "8859", "cp819", "latin" -> "ISO-8859-1";
          case "utf8", "u8", "utf", "utf8-ucs2", "utf8-ucs4", "cp65001" -> "UTF-8";
          case "ascii", "us-ascii", "646", "us" -> "US-ASCII";
          case "latin2", "l2" -> "ISO-8859-2";
          case "latin3", "l3" -> "ISO-8859-3";
          case "latin4", "l4" -> "ISO-8859-4";
          case "latin5", "l5" -> "ISO-8859-9";
          case "latin6", "l6" -> "ISO-8859-10";
          case "latin7", "l7" -> "ISO-8859-13";
          case "latin8", "l8" -> "ISO-8859-14";
          case "latin9", "l9" -> "ISO-8859-15";
          case "latin10", "l10" -> "ISO-8859-16";
          case "macroman", "mac-roman" -> "x-MacRoman";
          case "maccyrillic", "mac-cyrillic" -> "x-MacCyrillic";
          case "macgreek", "mac-greek" -> "x-MacGreek";
          case "maciceland", "mac-iceland" -> "x-MacIceland";
          case "maclatin2", "mac-latin2", "mac-centeuro" -> "x-MacCentralEurope";
          case "macturkish", "mac-turkish" -> "x-MacTurkish";
          case "sjis", "shift-jis", "shiftjis", "s-jis" -> "Shift_JIS";
          case "euc-jp", "eucjp", "ujis", "u-jis" -> "EUC-JP";
          case "euc-kr", "euckr" -> "EUC-KR";
          case "iso2022-jp", "iso-2022-jp", "csiso2022jp" -> "ISO-2022-JP";
          case "cp932", "ms932", "mskanji", "ms-kanji" -> "windows-31j";
          case "cp949", "uhc" -> "x-windows-949";
          case "cp950", "ms950" -> "x-windows-950";
          case "gb2312", "chinese", "euc-cn", "euccn" -> "GB2312";
          case "koi8-r" -> "KOI8-R";
          case "koi8-u" -> "KOI8-U";
          default -> {
            if (n.matches("iso-?8859-\\d+")) {
              yield "ISO-8859-" + n.substring(n.lastIndexOf('-') + 1);
            }
            if (n.matches("(cp|windows-)125\\d")) {
              yield "windows-" + n.substring(n.length() - 4);
            }
            yield pythonName;
          }
        };
    for (String candidate : new String[] {mapped, n, n.replace('-', '_')}) {
      try {
        if (Charset.isSupported(candidate)) {
          return Optional.of(Charset.forName(candidate));
        }
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // try the next spelling
      }
    }
    return Optional.empty();
  }
}
