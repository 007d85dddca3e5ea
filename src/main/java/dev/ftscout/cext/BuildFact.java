package dev.ftscout.cext;

import java.util.List;
import java.util.Optional;

/** A fact a build file states about the extension modules it builds. */
public sealed interface BuildFact {
  int line();

  /**
   * A Cython {@code freethreading_compatible} directive set for the build ({@code
   * compiler_directives}, {@code -X freethreading_compatible=True}, meson {@code cython_args}).
   *
   * @param value the value set
   * @param line where
   * @param column where
   * @param text the setting as written
   */
  record CythonDirective(boolean value, int line, int column, String text) implements BuildFact {}

  /**
   * A request for the limited C API / stable ABI: {@code Py_LIMITED_API} defined, setuptools {@code
   * py_limited_api}, meson {@code limited_api:}, meson-python {@code limited-api}.
   *
   * @param line where
   * @param column where
   * @param text the setting as written
   */
  record LimitedApi(int line, int column, String text) implements BuildFact {}

  /**
   * An f2py invocation that builds a module.
   *
   * @param module the module name given by {@code -m}
   * @param freeThreading {@code --freethreading-compatible} (true), {@code
   *     --no-freethreading-compatible} (false), or neither
   * @param line where
   * @param column where
   * @param text the invocation's arguments as written
   */
  record F2py(String module, Optional<Boolean> freeThreading, int line, int column, String text)
      implements BuildFact {}

  /**
   * A {@code nanobind_add_module(...)} call.
   *
   * @param target the target (module) name
   * @param freeThreaded whether the {@code FREE_THREADED} option is given
   * @param sources the source arguments
   * @param line where
   * @param column where
   * @param text the call as written
   */
  record NanobindModule(
      String target, boolean freeThreaded, List<String> sources, int line, int column, String text)
      implements BuildFact {
    public NanobindModule {
      sources = List.copyOf(sources);
    }
  }

  /**
   * The pyo3 dependency of a crate ({@code Cargo.toml}).
   *
   * @param requirement the version requirement as written, empty when inherited from the workspace
   * @param fromWorkspace {@code pyo3.workspace = true}
   * @param workspaceTable declared in {@code [workspace.dependencies]}
   * @param line where
   */
  record PyO3Dependency(String requirement, boolean fromWorkspace, boolean workspaceTable, int line)
      implements BuildFact {}

  /**
   * A resolved package of a {@code Cargo.lock}.
   *
   * @param name crate name
   * @param version exact version
   * @param line where
   */
  record LockedCrate(String name, String version, int line) implements BuildFact {}

  /**
   * The name a crate's library (and so its Python module) gets: {@code [lib] name} or {@code
   * [package] name} in {@code Cargo.toml}, or {@code module-name} in {@code [tool.maturin]}.
   *
   * @param name the name (the last dotted part for a maturin module name)
   * @param explicit from {@code [lib] name} or maturin, not the package-name fallback
   * @param line where
   */
  record LibraryName(String name, boolean explicit, int line) implements BuildFact {}
}
