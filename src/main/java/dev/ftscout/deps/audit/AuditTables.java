package dev.ftscout.deps.audit;

import dev.ftscout.deps.input.DependencyKind;
import dev.ftscout.deps.input.SourceLocation;
import dev.ftscout.deps.source.GilDeclaration;
import dev.ftscout.deps.source.SourceInspection;
import dev.ftscout.model.DependencyTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns an {@link AuditResult} into the {@link DependencyTable} that reports show. */
public final class AuditTables {
  private AuditTables() {}

  /**
   * The table of an audit.
   *
   * @param result the audit's answer
   * @param root the project root; file names in the table are relative to it
   * @param inputs the input files that were read
   * @param indexes the indexes queried, with where they were configured
   * @param sourcesInspected whether a source inspector was given
   */
  public static DependencyTable of(
      AuditResult result,
      Path root,
      List<Path> inputs,
      List<String> indexes,
      boolean sourcesInspected) {
    List<DependencyTable.Row> rows = new ArrayList<>();
    for (PackageReport p : result.packages()) {
      List<DependencyTable.Cell> cells = new ArrayList<>();
      for (String target : result.targets()) {
        TargetStatus s = p.targets().get(target);
        if (s == null) {
          continue;
        }
        cells.add(
            new DependencyTable.Cell(
                target,
                status(s.support()),
                s.wheels().stream().findFirst(),
                s.firstFreeThreadedRelease()));
      }
      rows.add(
          new DependencyTable.Row(
              p.name(),
              p.version(),
              p.fromLock(),
              p.direct(),
              kind(p),
              p.declaredAt().map(l -> l.relativeTo(root)).orElse(""),
              p.requiredBy(),
              p.newestRelease(),
              p.freeThreadingClaim(),
              cells,
              p.sourceInspection().map(AuditTables::sourceCheck),
              p.yanked()));
    }
    List<DependencyTable.Chain> chains =
        result.chains().stream()
            .map(c ->
                new DependencyTable.Chain(
                    c.target(), c.path(), c.reason(), c.firstFreeThreadedRelease()))
            .toList();
    UpgradePlan plan = result.plan();
    DependencyTable.Plan tablePlan =
        new DependencyTable.Plan(
            plan.bumps().stream()
                .map(b -> new DependencyTable.Bump(b.name(), b.from(), b.to(), b.targets()))
                .toList(),
            plan.conflicts().stream()
                .map(c ->
                    new DependencyTable.Conflict(
                        c.name(),
                        c.needed(),
                        c.constraint(),
                        c.imposedBy(),
                        c.at().map(l -> l.relativeTo(root))))
                .toList(),
            plan.unfixable());
    return new DependencyTable(
        result.targets(),
        inputs.stream().map(f -> new SourceLocation(f, 0, 0).relativePath(root)).toList(),
        indexes,
        rows,
        chains,
        tablePlan,
        result.notes(),
        result.missingOffline().stream().sorted().toList(),
        sourcesInspected);
  }

  /** The report's status for an audit status. */
  public static DependencyTable.Status status(Support s) {
    return switch (s) {
      case FREE_THREADED_WHEEL -> DependencyTable.Status.FREE_THREADED_WHEEL;
      case PURE_PYTHON -> DependencyTable.Status.PURE_PYTHON;
      case PURE_FALLBACK -> DependencyTable.Status.PURE_FALLBACK;
      case SOURCE_DECLARES_GIL_FREE -> DependencyTable.Status.SOURCE_DECLARES_GIL_FREE;
      case SDIST_UNKNOWN -> DependencyTable.Status.SDIST_UNKNOWN;
      case SOURCE_REENABLES_GIL -> DependencyTable.Status.SOURCE_REENABLES_GIL;
      case NO_FREE_THREADED_WHEEL -> DependencyTable.Status.NO_FREE_THREADED_WHEEL;
      case NOT_REQUIRED -> DependencyTable.Status.NOT_REQUIRED;
      case NOT_CHECKED -> DependencyTable.Status.NOT_CHECKED;
      case NOT_FOUND -> DependencyTable.Status.NOT_FOUND;
    };
  }

  /** {@code binary}, {@code pure}, {@code sdist}, or how a non-index dependency is obtained. */
  static String kind(PackageReport p) {
    if (p.kind() != DependencyKind.INDEX) {
      return switch (p.kind()) {
        case URL -> "url";
        case VCS -> "vcs";
        case EDITABLE -> "editable";
        case LOCAL_PATH -> "local";
        case CONDA -> "conda";
        case INDEX -> "index";
      };
    }
    if (p.binary()) {
      return "binary";
    }
    boolean anyWheel = p.targets().values().stream().anyMatch(t -> !t.wheels().isEmpty());
    boolean sdist =
        p.targets().values().stream()
            .anyMatch(t ->
                switch (t.support()) {
                  case SDIST_UNKNOWN,
                      SOURCE_DECLARES_GIL_FREE,
                      SOURCE_REENABLES_GIL,
                      PURE_FALLBACK ->
                      true;
                  default -> false;
                });
    if (sdist && !anyWheel) {
      return "sdist";
    }
    boolean found =
        p.targets().values().stream()
            .anyMatch(t -> t.support() != Support.NOT_FOUND && t.support() != Support.NOT_REQUIRED);
    return found || anyWheel ? "pure" : "unknown";
  }

  static DependencyTable.SourceCheck sourceCheck(SourceInspection i) {
    return new DependencyTable.SourceCheck(
        declaration(i.declaration()), i.pureFallback(), i.evidence());
  }

  static String declaration(GilDeclaration d) {
    return d == GilDeclaration.NO_EXTENSIONS ? "no extensions" : d.name().toLowerCase(Locale.ROOT);
  }
}
