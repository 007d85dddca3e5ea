package dev.ftscout.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dependency audit as reports show it: one row per package with its standing on every target,
 * the chains that lead from the project to each blocker, the upgrade plan, and what the audit read
 * and could not see. The audit fills it; writers only lay it out. Empty when no audit ran.
 *
 * @param targets the targets audited, e.g. {@code 3.14t/manylinux_2_28_x86_64}
 * @param inputs the input files read, relative to the project root
 * @param indexes the package indexes queried and where they were configured
 * @param packages one row per package, direct dependencies first, then by name
 * @param chains how each blocker is reached, per target
 * @param plan version bumps that give blocked packages free-threaded wheels
 * @param notes what the reader should know about the audit (unpinned inputs, index problems)
 * @param missingOffline projects an offline run did not find in the cache
 * @param sourcesInspected whether sdists were downloaded and their extension sources read
 */
public record DependencyTable(
    List<String> targets,
    List<String> inputs,
    List<String> indexes,
    List<Row> packages,
    List<Chain> chains,
    Plan plan,
    List<String> notes,
    List<String> missingOffline,
    boolean sourcesInspected) {

  public DependencyTable {
    targets = List.copyOf(targets);
    inputs = List.copyOf(inputs);
    indexes = List.copyOf(indexes);
    packages = List.copyOf(packages);
    chains = List.copyOf(chains);
    notes = List.copyOf(notes);
    missingOffline = List.copyOf(missingOffline);
  }

  /** No audit: the reports of other commands. */
  public static DependencyTable none() {
    return new DependencyTable(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        new Plan(List.of(), List.of(), List.of()),
        List.of(),
        List.of(),
        false);
  }

  public boolean isEmpty() {
    return targets.isEmpty() && packages.isEmpty();
  }

  /** Packages that block at least one target. */
  public List<Row> blockers() {
    return packages.stream().filter(Row::blocks).toList();
  }

  /** How a package stands on one target. */
  public enum Status {
    FREE_THREADED_WHEEL("free-threaded wheel", Standing.OK),
    PURE_PYTHON("pure Python", Standing.OK),
    PURE_FALLBACK("slower without its extension", Standing.OK),
    SOURCE_DECLARES_GIL_FREE("builds from source, declares GIL-free", Standing.OK),
    SDIST_UNKNOWN("sdist only, not inspected", Standing.UNKNOWN),
    SOURCE_REENABLES_GIL("sdist re-enables the GIL", Standing.BLOCKER),
    NO_FREE_THREADED_WHEEL("no free-threaded wheel", Standing.BLOCKER),
    NOT_REQUIRED("not required", Standing.OK),
    NOT_CHECKED("not checked", Standing.UNKNOWN),
    NOT_FOUND("not found", Standing.UNKNOWN);

    private final String label;
    private final Standing standing;

    Status(String label, Standing standing) {
      this.label = label;
      this.standing = standing;
    }

    /** Words for tables, e.g. {@code no free-threaded wheel}. */
    public String label() {
      return label;
    }

    /** The key in JSON and HTML, e.g. {@code no-free-threaded-wheel}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Standing standing() {
      return standing;
    }
  }

  /** Whether a status lets the project run free-threaded, blocks it, or is not known. */
  public enum Standing {
    OK,
    BLOCKER,
    UNKNOWN;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One package.
   *
   * @param name the normalised distribution name
   * @param version the version evaluated; for a URL or VCS dependency, the requirement as written
   * @param pinned whether the version is exact (a lock or an installed environment), not the newest
   *     release allowed by the specifiers
   * @param direct whether the project requires it itself
   * @param kind {@code binary}, {@code pure}, {@code sdist}, or how it is obtained when the index
   *     cannot answer ({@code url}, {@code vcs}, {@code editable}, {@code local}, {@code conda},
   *     {@code unknown})
   * @param declaredAt where it is declared ({@code file:line:col}, relative), or empty
   * @param requiredBy the packages that require it
   * @param newest the newest final release on the index
   * @param claim the maintainer's free-threading classifier, e.g. {@code 2 - Beta}
   * @param targets its standing on every audited target, in target order
   * @param source what its extension sources declare, when they were inspected
   * @param yanked the yank reason when the evaluated release is yanked (possibly empty)
   */
  public record Row(
      String name,
      String version,
      boolean pinned,
      boolean direct,
      String kind,
      String declaredAt,
      List<String> requiredBy,
      Optional<String> newest,
      Optional<String> claim,
      List<Cell> targets,
      Optional<SourceCheck> source,
      Optional<String> yanked) {
    public Row {
      requiredBy = List.copyOf(requiredBy);
      targets = List.copyOf(targets);
    }

    /** Whether it blocks at least one target. */
    public boolean blocks() {
      return targets.stream().anyMatch(c -> c.status().standing() == Standing.BLOCKER);
    }

    /** The worst standing over all targets: blocker, then unknown, then ok. */
    public Standing standing() {
      if (blocks()) {
        return Standing.BLOCKER;
      }
      return targets.stream().anyMatch(c -> c.status().standing() == Standing.UNKNOWN)
          ? Standing.UNKNOWN
          : Standing.OK;
    }

    /** The cell of a target. */
    public Optional<Cell> on(String target) {
      return targets.stream().filter(c -> c.target().equals(target)).findFirst();
    }
  }

  /**
   * A package on one target.
   *
   * @param target the target label
   * @param status its standing there
   * @param wheel the wheel that installs there (best first), or empty
   * @param firstFreeThreaded the first release with a free-threaded wheel for the target
   */
  public record Cell(
      String target, Status status, Optional<String> wheel, Optional<String> firstFreeThreaded) {

    /**
     * The wheel's tags ({@code cp314-cp314t-manylinux_2_28_x86_64}): its file name without the
     * name, version, build tag and extension; empty without a wheel.
     */
    public String wheelTags() {
      if (wheel.isEmpty()) {
        return "";
      }
      String f = wheel.get();
      String stem = f.endsWith(".whl") ? f.substring(0, f.length() - 4) : f;
      String[] parts = stem.split("-");
      return parts.length < 5
          ? stem
          : String.join(
              "-", parts[parts.length - 3], parts[parts.length - 2], parts[parts.length - 1]);
    }
  }

  /**
   * What a package's extension sources declare, read from its sdist without building it.
   *
   * @param declaration {@code yes}, {@code no}, {@code conditional} or {@code no extensions}
   * @param pureFallback whether the package falls back to pure Python when its extension is missing
   * @param evidence file:line lines from the sdist
   */
  public record SourceCheck(String declaration, boolean pureFallback, List<String> evidence) {
    public SourceCheck {
      evidence = List.copyOf(evidence);
    }

    /** {@code no, pure fallback}. */
    public String summary() {
      return declaration + (pureFallback ? ", pure fallback" : "");
    }
  }

  /**
   * How the project reaches a blocker on one target.
   *
   * @param target the target label
   * @param path the project, then each package ({@code name version}) down to the blocker
   * @param reason why it blocks, e.g. {@code no cp314t wheel}
   * @param firstFreeThreaded the blocker's first release with a free-threaded wheel there
   */
  public record Chain(
      String target, List<String> path, String reason, Optional<String> firstFreeThreaded) {
    public Chain {
      path = List.copyOf(path);
    }

    /**
     * {@code myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first free-threaded release
     * 2.3.3}.
     */
    public String render() {
      return String.join(" → ", path)
          + ": "
          + reason
          + firstFreeThreaded
              .map(v -> "; first free-threaded release " + v)
              .orElse("; no free-threaded release yet");
    }
  }

  /**
   * The upgrade plan.
   *
   * @param bumps version bumps that give free-threaded wheels on the targets they name
   * @param conflicts constraints that forbid a needed bump
   * @param unfixable packages with no free-threaded release to move to ({@code name version: why})
   */
  public record Plan(List<Bump> bumps, List<Conflict> conflicts, List<String> unfixable) {
    public Plan {
      bumps = List.copyOf(bumps);
      conflicts = List.copyOf(conflicts);
      unfixable = List.copyOf(unfixable);
    }

    public boolean isEmpty() {
      return bumps.isEmpty() && conflicts.isEmpty() && unfixable.isEmpty();
    }

    /** The conflicts that stand in the way of a package's bump. */
    public List<Conflict> conflictsOf(String name) {
      return conflicts.stream().filter(c -> c.name().equals(name)).toList();
    }
  }

  /** Move {@code name} from one version to another, for the listed targets. */
  public record Bump(String name, String from, String to, List<String> targets) {
    public Bump {
      targets = List.copyOf(targets);
    }

    /** {@code numpy 1.26.4 → 2.3.3}. */
    public String render() {
      return name + " " + from + " → " + to;
    }
  }

  /**
   * A constraint that forbids a needed bump.
   *
   * @param name the package to bump
   * @param needed the version range needed, e.g. {@code >=2.3.3}
   * @param constraint the forbidding specifier as written, e.g. {@code <2.2,>=2.1}
   * @param imposedBy {@code project} or the requiring package ({@code pandas 2.1.0})
   * @param at where the project's own constraint is written ({@code file:line:col}, relative)
   */
  public record Conflict(
      String name, String needed, String constraint, String imposedBy, Optional<String> at) {

    /**
     * {@code pandas needs >=2.3.3, but the project's <2.2,>=2.1 (pyproject.toml:7:6) forbids it}.
     */
    public String render() {
      return name
          + " needs "
          + needed
          + ", but "
          + (imposedBy.equals("project") ? "the project's " : imposedBy + " requires ")
          + name
          + constraint
          + at.map(a -> " (" + a + ")").orElse("")
          + (imposedBy.equals("project") ? " forbids it" : "");
    }
  }
}
