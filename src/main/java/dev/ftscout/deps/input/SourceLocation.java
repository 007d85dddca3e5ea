package dev.ftscout.deps.input;

import java.nio.file.Path;

/** Where a requirement was written: file and 1-based line and column (0 when unknown). */
public record SourceLocation(Path file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + (column > 0 ? ":" + column : "");
  }
}
