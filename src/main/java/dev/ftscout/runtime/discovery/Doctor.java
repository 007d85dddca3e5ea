package dev.ftscout.runtime.discovery;

import dev.ftscout.runtime.discovery.Origin.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code ftscout doctor}: finds the interpreters, says which are free-threaded, which one the
 * runtime features would use, and how to get a free-threaded one when there is none.
 */
public final class Doctor {
  /**
   * How users typically get a free-threaded CPython, one line each. Also shown when probe refuses a
   * GIL build.
   */
  public static final List<String> HOW_TO_GET_FREE_THREADED =
      List.of(
          "uv: `uv python install 3.14t`, then `uv venv --python 3.14t` for a project venv",
          "conda-forge: `conda create -n ft -c conda-forge python-freethreading`",
          "Linux distributions ship it as a separate package, e.g. Fedora `python3.14-freethreading`;"
              + " the executable is python3.14t",
          "python.org installers (macOS, Windows): tick the free-threaded option; the executable is"
              + " python3.14t (Windows: python3.14t.exe, `py -V:3.14t`)",
          "Windows gotcha: the python.org installer's free-threaded and GIL builds share one"
              + " site-packages folder, so use a separate venv per build",
          "then point ftscout at it: `--python python3.14t` or FTSCOUT_FT_PYTHON=/path/to/python3.14t");

  private final InterpreterDiscovery discovery;

  public Doctor(InterpreterDiscovery discovery) {
    this.discovery = discovery;
  }

  /** Runs discovery and builds the report. */
  public DoctorReport examine() {
    Discovery found = discovery.discover();
    List<Interpreter> all = found.interpreters();
    List<Interpreter> freeThreaded = all.stream().filter(Interpreter::freeThreadedBuild).toList();
    List<String> warnings = new ArrayList<>();
    Optional<Interpreter> explicit =
        all.stream()
            .filter(i -> i.origins().stream().anyMatch(o -> o.kind() == Kind.EXPLICIT))
            .findFirst();
    explicit
        .filter(i -> !i.freeThreadedBuild())
        .ifPresent(i ->
            warnings.add(
                DiscoveryRoots.FT_PYTHON_VARIABLE
                    + " names "
                    + i.path()
                    + ", which is not a free-threaded build (Py_GIL_DISABLED is not 1)"));
    found.problems().stream()
        .filter(p -> p.origin().kind() == Kind.EXPLICIT)
        .forEach(p -> warnings.add(DiscoveryRoots.FT_PYTHON_VARIABLE + ": " + p.reason()));
    for (Interpreter i : freeThreaded) {
      if (!i.supported()) {
        warnings.add(i.path() + " is free-threaded but older than 3.9; ftscout cannot drive it");
      }
      if (i.gilEnabled().orElse(false)) {
        warnings.add(
            i.path()
                + " is free-threaded but started with the GIL enabled (check PYTHON_GIL, -X gil)");
      }
    }
    Optional<Interpreter> recommended =
        explicit
            .filter(Interpreter::freeThreadedBuild)
            .or(() ->
                freeThreaded.stream()
                    .filter(Interpreter::supported)
                    .max(
                        Comparator.comparingInt(Interpreter::minor)
                            .thenComparing(Interpreter::virtualEnvironment)));
    return new DoctorReport(
        all,
        found.problems(),
        !freeThreaded.isEmpty(),
        recommended,
        warnings,
        freeThreaded.isEmpty() ? HOW_TO_GET_FREE_THREADED : List.of());
  }
}
