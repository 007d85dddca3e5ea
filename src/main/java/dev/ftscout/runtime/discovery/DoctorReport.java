package dev.ftscout.runtime.discovery;

import java.util.List;
import java.util.Optional;

/**
 * What {@code ftscout doctor} found and what it advises.
 *
 * @param interpreters every interpreter found, in search order
 * @param problems candidates that could not be used
 * @param freeThreadedFound whether any interpreter is a free-threaded build
 * @param recommended the interpreter probe/test/bench would use: {@code FTSCOUT_FT_PYTHON} when it
 *     is free-threaded, else the newest free-threaded one
 * @param warnings things the user should fix (e.g. {@code FTSCOUT_FT_PYTHON} naming a GIL build)
 * @param advice how to get a free-threaded interpreter; empty when one was found
 */
public record DoctorReport(
    List<Interpreter> interpreters,
    List<DiscoveryProblem> problems,
    boolean freeThreadedFound,
    Optional<Interpreter> recommended,
    List<String> warnings,
    List<String> advice) {
  public DoctorReport {
    interpreters = List.copyOf(interpreters);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    advice = List.copyOf(advice);
  }
}
