package dev.ftscout.deps.input;

/** The kinds of dependency input ftscout reads. */
public enum InputFormat {
  REQUIREMENTS(false),
  PYPROJECT(false),
  UV_LOCK(true),
  POETRY_LOCK(true),
  PIPFILE_LOCK(true),
  PYLOCK(true),
  CONDA_ENVIRONMENT(false),
  INSTALLED_ENVIRONMENT(true);

  private final boolean locked;

  InputFormat(boolean locked) {
    this.locked = locked;
  }

  /** Whether the format gives exact versions for the whole tree. */
  public boolean locked() {
    return locked;
  }
}
