package dev.ftscout.runtime.process;

/**
 * Text that keeps its beginning and its end within a fixed number of characters and counts what it
 * dropped in between. The start of a log says what ran; the end says how it died.
 */
final class CappedText {
  private final int headLimit;
  private final int tailLimit;
  private final StringBuilder head = new StringBuilder();
  private final StringBuilder tail = new StringBuilder();
  private long dropped;

  CappedText(int limit) {
    this.headLimit = limit / 2;
    this.tailLimit = limit - headLimit;
  }

  synchronized void append(char[] buf, int off, int len) {
    int i = off;
    int end = off + len;
    int toHead = Math.min(end - i, headLimit - head.length());
    if (toHead > 0) {
      head.append(buf, i, toHead);
      i += toHead;
    }
    if (i < end) {
      tail.append(buf, i, end - i);
      // Trim in batches so appends stay amortised O(1).
      if (tail.length() > 2 * tailLimit + 8192) {
        int cut = tail.length() - tailLimit;
        tail.delete(0, cut);
        dropped += cut;
      }
    }
  }

  synchronized boolean truncated() {
    return dropped > 0 || tail.length() > tailLimit;
  }

  synchronized String text() {
    int extra = Math.max(0, tail.length() - tailLimit);
    long droppedTotal = dropped + extra;
    if (droppedTotal == 0) {
      return head.toString() + tail;
    }
    return head + "\n[... " + droppedTotal + " characters dropped ...]\n" + tail.substring(extra);
  }
}
