package dev.ftscout.scan;

import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceComment;
import dev.ftscout.model.UnusedSuppression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code # ftscout: ignore[FT101]} or {@code // ftscout: ignore[FT201,
 * missing-gil-declaration]} at the end of the reported line, or alone on the line above it. A bare
 * {@code ftscout: ignore} suppresses every rule on that line.
 */
public final class Suppressions {
  private static final Pattern DIRECTIVE =
      Pattern.compile("ftscout:\\s*ignore(?:\\[([^\\]]*)\\])?");

  private final Function<String, Optional<String>> ruleIdOf;

  /**
   * @param ruleIdOf resolves a rule id or name written in a comment to the rule's id
   */
  public Suppressions(Function<String, Optional<String>> ruleIdOf) {
    this.ruleIdOf = ruleIdOf;
  }

  /** Findings that survived, how many were suppressed, and directives that suppressed nothing. */
  public record Outcome(List<Finding> kept, int suppressed, List<UnusedSuppression> unused) {}

  private static final class Directive {
    final String path;
    final int line;
    final int target;
    final List<String> entries;
    boolean used;

    Directive(String path, int line, int target, List<String> entries) {
      this.path = path;
      this.line = line;
      this.target = target;
      this.entries = entries;
    }
  }

  /** Applies the directives found in {@code comments} (keyed by display path) to the findings. */
  public Outcome apply(List<Finding> findings, Map<String, List<SourceComment>> comments) {
    Map<String, List<Directive>> byTarget = new HashMap<>();
    List<Directive> all = new ArrayList<>();
    comments.forEach((path, list) -> {
      for (SourceComment c : list) {
        Matcher m = DIRECTIVE.matcher(c.text());
        if (!m.find()) {
          continue;
        }
        List<String> entries =
            m.group(1) == null
                ? List.of()
                : Arrays.stream(m.group(1).split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        Directive d = new Directive(path, c.line(), c.ownLine() ? c.line() + 1 : c.line(), entries);
        all.add(d);
        byTarget.computeIfAbsent(path + ':' + d.target, k -> new ArrayList<>()).add(d);
      }
    });
    List<Finding> kept = new ArrayList<>();
    int suppressed = 0;
    for (Finding f : findings) {
      boolean hit = false;
      for (Directive d : byTarget.getOrDefault(f.path() + ':' + f.span().line(), List.of())) {
        if (d.entries.isEmpty()
            || d.entries.stream().anyMatch(e -> ruleIdOf.apply(e).orElse("").equals(f.ruleId()))) {
          d.used = true;
          hit = true;
        }
      }
      if (hit) {
        suppressed++;
      } else {
        kept.add(f);
      }
    }
    List<UnusedSuppression> unused = new ArrayList<>();
    for (Directive d : all) {
      if (d.used) {
        continue;
      }
      List<String> unknown = d.entries.stream().filter(e -> ruleIdOf.apply(e).isEmpty()).toList();
      String reason =
          !unknown.isEmpty()
              ? "unknown rule " + String.join(", ", unknown)
              : "no "
                  + (d.entries.isEmpty() ? "finding" : String.join("/", d.entries) + " finding")
                  + " on line "
                  + d.target;
      unused.add(new UnusedSuppression(d.path, d.line, d.entries, reason));
    }
    return new Outcome(kept, suppressed, unused);
  }
}
