package dev.ftscout.model;

/**
 * An extension module found in a project's sources, and whether it declares that it can run without
 * the GIL. That declaration predicts the silent GIL re-enable at import time.
 *
 * @param name the importable module name as far as the sources tell (e.g. {@code _speedups} or
 *     {@code pkg._core})
 * @param binding how the module is written
 * @param path the file that defines the module's init (relative display path)
 * @param line where its definition starts, 1-based
 * @param declaration whether it declares GIL-free support
 * @param evidence the source text or build setting that decided the declaration, or why none
 */
public record ExtensionModule(
    String name,
    Binding binding,
    String path,
    int line,
    GilDeclaration declaration,
    String evidence) {

  /** How an extension module is written. */
  public enum Binding {
    C_MULTI_PHASE("C (multi-phase init)"),
    C_SINGLE_PHASE("C (single-phase init)"),
    CYTHON("Cython"),
    PYBIND11("pybind11"),
    NANOBIND("nanobind"),
    PYO3("PyO3"),
    F2PY("f2py");

    private final String label;

    Binding(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Whether a module declares GIL-free support. */
  public enum GilDeclaration {
    /** Declared unconditionally (or under {@code Py_GIL_DISABLED}, which is what counts). */
    YES,
    /** Not declared: importing it on a free-threaded build turns the GIL back on. */
    NO,
    /** Declared only under a build condition that free-threaded builds may not meet. */
    CONDITIONAL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
