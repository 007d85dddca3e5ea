package dev.ftscout.python.scope;

import dev.ftscout.python.tree.Span;
import java.util.Optional;

/**
 * A name bound by an import. {@code import os.path} binds {@code os} (module {@code os.path}, no
 * name); {@code import numpy as np} binds {@code np}; {@code from . import x as y} binds {@code y}
 * (module empty, level 1, name {@code x}, alias {@code y}).
 *
 * @param boundName the name the import binds in its scope
 * @param module the module path as written, without leading dots (empty for {@code from . import})
 * @param name the imported member for {@code from ... import}; empty for {@code import}
 * @param alias the {@code as} name, if any
 * @param level the number of leading dots of a relative import
 * @param span the alias's position
 */
public record ImportBinding(
    String boundName,
    String module,
    Optional<String> name,
    Optional<String> alias,
    int level,
    Span span) {

  /** The fully qualified thing imported, e.g. {@code os.path} or {@code threading.Lock}. */
  public String qualifiedName() {
    String dots = ".".repeat(level);
    return name.map(n -> dots + (module.isEmpty() ? "" : module + ".") + n).orElse(dots + module);
  }
}
