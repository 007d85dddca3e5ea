package dev.ftscout.deps.tags;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A target's supported tags indexed by preference, for fast wheel selection. */
public final class TagRanking {
  private final Target target;
  private final Map<Tag, Integer> rank;

  TagRanking(Target target, List<Tag> tags) {
    this.target = target;
    Map<Tag, Integer> m = new HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      m.putIfAbsent(tags.get(i), i);
    }
    this.rank = Map.copyOf(m);
  }

  public Target target() {
    return target;
  }

  /** The best (lowest) rank among the wheel's tags, or empty when it does not install here. */
  public Optional<Integer> priority(WheelFilename wheel) {
    int best = Integer.MAX_VALUE;
    for (Tag t : wheel.tags()) {
      Integer i = rank.get(t);
      if (i != null && i < best) {
        best = i;
      }
    }
    return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(best);
  }

  /** Whether the wheel installs on the target. */
  public boolean installs(WheelFilename wheel) {
    return priority(wheel).isPresent();
  }
}
