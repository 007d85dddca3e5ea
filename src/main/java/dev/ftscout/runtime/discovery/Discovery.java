package dev.ftscout.runtime.discovery;

import java.util.List;

/**
 * What a discovery run found.
 *
 * @param interpreters every distinct interpreter that described itself, in search order
 * @param problems candidates that could not be used
 */
public record Discovery(List<Interpreter> interpreters, List<DiscoveryProblem> problems) {
  public Discovery {
    interpreters = List.copyOf(interpreters);
    problems = List.copyOf(problems);
  }
}
