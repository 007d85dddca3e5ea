package dev.ftscout.deps.input;

import java.nio.file.Path;
import java.util.Objects;

/** Where a requirement was written: file and 1-based line and column (0 when unknown). */
public record SourceLocation(Path file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + (column > 0 ? ":" + column : "");
  }

  /**
   * The file relative to {@code root} with {@code /} separators (climbing out with {@code ../} when
   * it lies elsewhere on the same file system), as reports name files.
   */
  public String relativePath(Path root) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    Path rel = Objects.equals(abs.getRoot(), base.getRoot()) ? base.relativize(abs) : abs;
    String text = rel.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  /** {@code pyproject.toml:7:6}, relative to {@code root}. */
  public String relativeTo(Path root) {
    return relativePath(root) + ":" + line + (column > 0 ? ":" + column : "");
  }
}
