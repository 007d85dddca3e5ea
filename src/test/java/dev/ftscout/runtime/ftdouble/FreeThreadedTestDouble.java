package dev.ftscout.runtime.ftdouble;

import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A TEST DOUBLE of a free-threaded CPython: an executable wrapper script around a real (GIL)
 * interpreter that loads {@code src/test/python/ft_double/sitecustomize.py}, which reproduces the
 * documented observable behaviour of a free-threaded build ({@code Py_GIL_DISABLED == 1}, {@code
 * sys._is_gil_enabled()} flipping when an extension without {@code Py_mod_gil} loads, the exact
 * import {@code RuntimeWarning}, the {@code -v} "requires the GIL" line). It is not a free-threaded
 * interpreter: nothing runs in parallel, and only what the bootstrap models is reproduced.
 *
 * @param executable the wrapper to run, named like the real thing (e.g. {@code python3.13t})
 * @param base the real interpreter underneath
 * @param variant which CPython version's warning location it imitates
 */
public record FreeThreadedTestDouble(Path executable, Pythons.Python base, Variant variant) {

  /**
   * The CPython version whose warning location ({@code <frozen importlib._bootstrap>}:N) to use.
   */
  public enum Variant {
    PY313(488),
    PY314(491);

    private final int warningLine;

    Variant(int warningLine) {
      this.warningLine = warningLine;
    }

    public int warningLine() {
      return warningLine;
    }
  }

  /** Options beyond the defaults: interpreters without the -v line, extra declared modules. */
  public record Options(boolean verboseLines, List<String> declaredModules) {
    public static Options defaults() {
      return new Options(true, List.of());
    }
  }

  /** The bootstrap folder put first on the wrapped interpreter's {@code PYTHONPATH}. */
  public static Path bootstrapDir() {
    return TestVenvs.basedir().resolve("src/test/python/ft_double");
  }

  /** A double over 3.13 from pyenv when present (it has the Py_mod_gil slot), else the newest. */
  public static Pythons.Python defaultBase() {
    return Pythons.version(3, 13)
        .or(Pythons::newest)
        .orElseGet(() -> {
          Assumptions.abort("no CPython interpreter found (pyenv or PATH) for the test double");
          throw new IllegalStateException();
        });
  }

  /** Writes {@code dir/name} wrapping {@code base}. */
  public static FreeThreadedTestDouble create(
      Path dir, String name, Pythons.Python base, Variant variant, Options options) {
    Assumptions.assumeFalse(
        System.getProperty("os.name", "").startsWith("Windows"), "the double is a POSIX script");
    Path script = dir.resolve(name);
    String text =
        """
        #!/bin/sh
        # ftscout TEST DOUBLE of a free-threaded CPython (FreeThreadedTestDouble.java); not one.
        export FT_DOUBLE=1
        export FT_DOUBLE_LINENO=%d
        export FT_DOUBLE_VERBOSE_LINES=%s
        export FT_DOUBLE_DECLARED='%s'
        # PYTHON_GIL is the double's to read: the real GIL build underneath would refuse PYTHON_GIL=0.
        if [ -n "${PYTHON_GIL+x}" ]; then export FT_DOUBLE_PYTHON_GIL="$PYTHON_GIL"; unset PYTHON_GIL; fi
        export PYTHONPATH='%s'"${PYTHONPATH:+:$PYTHONPATH}"
        exec '%s' "$@"
        """
            .formatted(
                variant.warningLine(),
                options.verboseLines() ? "1" : "0",
                String.join(",", options.declaredModules()),
                bootstrapDir(),
                base.executable());
    try {
      Files.createDirectories(dir);
      Files.writeString(script, text);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FreeThreadedTestDouble(script, base, variant);
  }

  /** A 3.13-style double with default options, named {@code python3.13t}. */
  public static FreeThreadedTestDouble create(Path dir) {
    return create(dir, "python3.13t", defaultBase(), Variant.PY313, Options.defaults());
  }
}
