package dev.ftscout.cext;

import java.util.Arrays;

/**
 * A compact set of identifier hashes ({@link String#hashCode()}), for asking whether a large file
 * mentions a name without keeping every identifier as a string. A hash collision answers "maybe":
 * callers must treat a hit as possible, not certain.
 */
public final class NameHashes {
  private final int[] sorted;

  private NameHashes(int[] sorted) {
    this.sorted = sorted;
  }

  /** The set of the given hashes (the array is sorted and deduplicated in place). */
  static NameHashes of(int[] hashes, int count) {
    int[] s = Arrays.copyOf(hashes, count);
    Arrays.sort(s);
    int unique = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        s[unique++] = s[i];
      }
    }
    return new NameHashes(Arrays.copyOf(s, unique));
  }

  static NameHashes empty() {
    return new NameHashes(new int[0]);
  }

  /** Whether {@code name} may be in the set. */
  public boolean mayContain(String name) {
    return Arrays.binarySearch(sorted, name.hashCode()) >= 0;
  }
}
