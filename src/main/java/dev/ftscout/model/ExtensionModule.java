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
    C_MULTI_PHASE(
        "C (multi-phase init)", "add {Py_mod_gil, Py_MOD_GIL_NOT_USED} to the module's slots"),
    C_SINGLE_PHASE(
        "C (single-phase init)",
        "call PyUnstable_Module_SetGIL(module, Py_MOD_GIL_NOT_USED) under #ifdef Py_GIL_DISABLED"),
    CYTHON("Cython", "set the directive freethreading_compatible=True (Cython 3.1+)"),
    PYBIND11("pybind11", "pass py::mod_gil_not_used() to PYBIND11_MODULE (pybind11 2.13+)"),
    NANOBIND("nanobind", "add FREE_THREADED to nanobind_add_module"),
    PYO3("PyO3", "use #[pymodule(gil_used = false)] (PyO3 0.23+)"),
    F2PY("f2py", "build with f2py --freethreading-compatible");

    private final String label;
    private final String declarationFix;

    Binding(String label, String declarationFix) {
      this.label = label;
      this.declarationFix = declarationFix;
    }

    public String label() {
      return label;
    }

    /** How a module of this binding declares GIL-free support. */
    public String declarationFix() {
      return declarationFix;
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
