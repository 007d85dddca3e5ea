package dev.ftscout.deps.audit;

import java.util.List;
import java.util.Optional;

/**
 * One package on one target: its standing, the exact wheel files that install there (best first),
 * and the first release that shipped a free-threaded wheel for the target.
 */
public record TargetStatus(
    String target,
    Support support,
    List<String> wheels,
    Optional<String> firstFreeThreadedRelease) {
  public TargetStatus {
    wheels = List.copyOf(wheels);
  }
}
