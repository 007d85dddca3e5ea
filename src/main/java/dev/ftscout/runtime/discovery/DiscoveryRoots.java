package dev.ftscout.runtime.discovery;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where interpreter discovery looks: the environment variables it reads (PATH, PYENV_ROOT,
 * UV_PYTHON_INSTALL_DIR, XDG_DATA_HOME, CONDA_PREFIX, CONDA_EXE, VIRTUAL_ENV, FTSCOUT_FT_PYTHON,
 * APPDATA, LOCALAPPDATA), the home folder, and whether the host is Windows.
 *
 * <p>Injectable so tests can point every root at a temporary folder; {@link #ofSystem()} is what
 * the command line uses.
 */
public record DiscoveryRoots(Map<String, String> environment, Path home, boolean windows) {
  /** The variable naming a free-threaded interpreter explicitly. */
  public static final String FT_PYTHON_VARIABLE = "FTSCOUT_FT_PYTHON";

  public DiscoveryRoots {
    environment = Map.copyOf(environment);
  }

  /** This process's environment, home folder and operating system. */
  public static DiscoveryRoots ofSystem() {
    return new DiscoveryRoots(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        System.getProperty("os.name", "").startsWith("Windows"));
  }

  /** A non-blank environment variable. */
  public Optional<String> env(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }
}
