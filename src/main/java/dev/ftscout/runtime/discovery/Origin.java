package dev.ftscout.runtime.discovery;

/**
 * Where discovery found an interpreter.
 *
 * @param kind the mechanism
 * @param detail the folder, variable or command it came from, for the user
 */
public record Origin(Kind kind, String detail) {
  /** The mechanisms users get interpreters through, in the order doctor searches them. */
  public enum Kind {
    /** {@code FTSCOUT_FT_PYTHON}. */
    EXPLICIT,
    /** The active virtual environment, {@code VIRTUAL_ENV}. */
    VIRTUAL_ENV,
    /** The active conda environment, {@code CONDA_PREFIX}. */
    CONDA_PREFIX,
    /** An executable on {@code PATH}. */
    PATH,
    /** A pyenv version. */
    PYENV,
    /** A uv-managed installation. */
    UV,
    /** A conda environment listed by conda. */
    CONDA,
    /** The Windows {@code py} launcher's list. */
    PY_LAUNCHER,
    /** Named by the caller (e.g. {@code --python}). */
    GIVEN
  }
}
