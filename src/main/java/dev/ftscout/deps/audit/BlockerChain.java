package dev.ftscout.deps.audit;

import java.util.List;
import java.util.Optional;

/**
 * How a blocker is reached from the project on one target: {@code path} runs from the project
 * through each package ({@code name version}) down to the blocker.
 */
public record BlockerChain(
    String target, List<String> path, String reason, Optional<String> firstFreeThreadedRelease) {
  public BlockerChain {
    path = List.copyOf(path);
  }

  /**
   * {@code myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first free-threaded release
   * 2.1.0}.
   */
  public String render() {
    return String.join(" → ", path)
        + ": "
        + reason
        + firstFreeThreadedRelease
            .map(v -> "; first free-threaded release " + v)
            .orElse("; no free-threaded release yet");
  }
}
