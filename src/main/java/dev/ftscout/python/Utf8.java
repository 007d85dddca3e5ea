package dev.ftscout.python;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Strict UTF-8 decoding with CPython's error wording. */
final class Utf8 {
  private Utf8() {}

  /** How many bytes code point {@code cp} takes in UTF-8. */
  static int length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /**
   * The length of the valid UTF-8 sequence starting at {@code i}, or -1 if it is invalid or cut
   * short (overlong forms, surrogates and values above U+10FFFF are invalid, as in CPython).
   */
  static int sequenceLength(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    if (c < 0x80) {
      return 1;
    }
    int len;
    int min;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      min = 0x10000;
    } else {
      return -1;
    }
    if (i + len > end) {
      return -1;
    }
    int cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; k++) {
      int cc = b[i + k] & 0xFF;
      if ((cc & 0xC0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return -1;
    }
    return len;
  }

  /** The code points of {@code b[from, to)}, or null if the bytes are not valid UTF-8. */
  static int @Nullable [] decodeCodePoints(byte[] b, int from, int to) {
    int[] out = new int[to - from];
    int n = 0;
    int i = from;
    while (i < to) {
      int len = sequenceLength(b, i, to);
      if (len < 0) {
        return null;
      }
      int c = b[i] & 0xFF;
      int cp;
      if (len == 1) {
        cp = c;
      } else {
        cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
          cp = (cp << 6) | (b[i + k] & 0x3F);
        }
      }
      out[n++] = cp;
      i += len;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Decodes valid UTF-8; null if invalid. */
  static @Nullable String decode(byte[] b, int from, int to) {
    int i = from;
    boolean ascii = true;
    while (i < to) {
      if (b[i] < 0) {
        ascii = false;
        int len = sequenceLength(b, i, to);
        if (len < 0) {
          return null;
        }
        i += len;
      } else {
        i++;
      }
    }
    return ascii
        ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
        : new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** CPython's message for the first invalid byte in {@code b[from, to)}. */
  static String decodeErrorMessage(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int len = sequenceLength(b, i, to);
      if (len < 0) {
        int c = b[i] & 0xFF;
        int pos = i - from;
        String reason;
        if ((c >= 0x80 && c < 0xC2) || c > 0xF4) {
          reason = "invalid start byte";
        } else {
          int expected = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
          int k = 1;
          while (k < expected && i + k < to && (b[i + k] & 0xC0) == 0x80) {
            k++;
          }
          if (i + k >= to && k < expected) {
            return String.format(
                "(unicode error) 'utf-8' codec can't decode bytes in position %d-%d: unexpected end of data",
                pos, pos + k - 1);
          }
          if (k == 1) {
            reason = "invalid continuation byte";
          } else {
            return String.format(
                "(unicode error) 'utf-8' codec can't decode bytes in position %d-%d: invalid continuation byte",
                pos, pos + k - 1);
          }
        }
        return String.format(
            "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
            c, pos, reason);
      }
      i += len;
    }
    return "(unicode error) 'utf-8' codec can't decode bytes";
  }
}
