package dev.ftscout.runtime.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Python interpreter, as it describes itself when run.
 *
 * @param path the executable as found (a symlink or venv launcher stays as it is: running it
 *     selects its environment)
 * @param executable {@code sys.executable}
 * @param version {@code platform.python_version()}, e.g. {@code 3.13.0}
 * @param major {@code sys.version_info[0]}
 * @param minor {@code sys.version_info[1]}
 * @param implementation {@code sys.implementation.name}, e.g. {@code cpython}
 * @param freeThreadedBuild {@code sysconfig.get_config_var("Py_GIL_DISABLED") == 1}
 * @param gilEnabled {@code sys._is_gil_enabled()} at start-up (3.13+; empty before)
 * @param abiFlags {@code sys.abiflags} ({@code t} marks free-threaded builds on POSIX)
 * @param extensionSuffix {@code sysconfig.get_config_var("EXT_SUFFIX")}
 * @param pip whether {@code pip} is importable
 * @param virtualEnvironment {@code sys.prefix != sys.base_prefix}
 * @param prefix {@code sys.prefix}
 * @param origins every place discovery found it
 */
public record Interpreter(
    Path path,
    String executable,
    String version,
    int major,
    int minor,
    String implementation,
    boolean freeThreadedBuild,
    Optional<Boolean> gilEnabled,
    String abiFlags,
    String extensionSuffix,
    boolean pip,
    boolean virtualEnvironment,
    String prefix,
    List<Origin> origins) {

  /** The oldest Python that probe, test and bench support. */
  public static final int MIN_MINOR = 9;

  public Interpreter {
    origins = List.copyOf(origins);
  }

  /** CPython 3.9 or newer: what the runtime features can drive. */
  public boolean supported() {
    return major == 3 && minor >= MIN_MINOR;
  }

  /** {@code major.minor}, with {@code t} for a free-threaded build (e.g. {@code 3.14t}). */
  public String shortVersion() {
    return major + "." + minor + (freeThreadedBuild ? "t" : "");
  }

  public Interpreter withOrigins(List<Origin> all) {
    return new Interpreter(
        path,
        executable,
        version,
        major,
        minor,
        implementation,
        freeThreadedBuild,
        gilEnabled,
        abiFlags,
        extensionSuffix,
        pip,
        virtualEnvironment,
        prefix,
        all);
  }
}
