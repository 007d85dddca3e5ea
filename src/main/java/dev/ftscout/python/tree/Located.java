package dev.ftscout.python.tree;

/** A node that carries a source position, as CPython's nodes with {@code lineno} attributes do. */
public interface Located {
  /** The node's position. */
  Span span();

  /** The 1-based line the node starts on. */
  default int lineno() {
    return span().lineno();
  }

  /** The 0-based UTF-8 byte column the node starts at. */
  default int colOffset() {
    return span().colOffset();
  }
}
