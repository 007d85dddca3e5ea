package dev.ftscout.deps.audit;

import dev.ftscout.deps.input.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * The smallest version bumps that give every blocked binary dependency a free-threaded wheel on
 * every target, and the constraints that stand in the way where a bump is not allowed.
 */
public record UpgradePlan(List<Bump> bumps, List<Conflict> conflicts, List<String> unfixable) {
  public UpgradePlan {
    bumps = List.copyOf(bumps);
    conflicts = List.copyOf(conflicts);
    unfixable = List.copyOf(unfixable);
  }

  /** Move {@code name} from one version to another, for the listed targets. */
  public record Bump(String name, String from, String to, List<String> targets) {
    public Bump {
      targets = List.copyOf(targets);
    }
  }

  /**
   * A constraint that forbids a needed bump: {@code constraint} as written, by whom ({@code
   * "project"} or a package), where (when the project's own file says it).
   */
  public record Conflict(
      String name,
      String needed,
      String constraint,
      String imposedBy,
      Optional<SourceLocation> at) {}
}
