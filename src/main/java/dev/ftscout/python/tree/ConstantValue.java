package dev.ftscout.python.tree;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The value of a literal ({@code ast.Constant.value}): one of Python's constant types. */
public sealed interface ConstantValue {

  /** {@code None}. */
  record NoneValue() implements ConstantValue {}

  /** {@code True} or {@code False}. */
  record BoolValue(boolean value) implements ConstantValue {}

  /** {@code ...}. */
  record EllipsisValue() implements ConstantValue {}

  /** An {@code int} literal, of any size. */
  record IntValue(BigInteger value) implements ConstantValue {}

  /** A {@code float} literal. */
  record FloatValue(double value) implements ConstantValue {}

  /** An imaginary literal such as {@code 2j}: a complex number whose real part is zero. */
  record ComplexValue(double imag) implements ConstantValue {}

  /** A {@code str} literal (after escapes and implicit concatenation). */
  record StrValue(String value) implements ConstantValue {}

  /**
   * A {@code bytes} literal. Held as a Latin-1 string (one char per byte) so the record stays
   * immutable and compares by value.
   */
  record BytesValue(String latin1) implements ConstantValue {
    /** Wraps a copy of {@code bytes}. */
    public static BytesValue of(byte[] bytes) {
      return new BytesValue(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** A fresh copy of the bytes. */
    public byte[] bytes() {
      return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  /** Whether this is {@code None}. */
  default boolean isNone() {
    return this instanceof NoneValue;
  }
}
