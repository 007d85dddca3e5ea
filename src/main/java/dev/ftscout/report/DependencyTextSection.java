package dev.ftscout.report;

import dev.ftscout.model.DependencyTable;
import dev.ftscout.model.DependencyTable.Cell;
import dev.ftscout.model.DependencyTable.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terminal rendering of the dependency audit: a compact table (one row per package, one column
 * per target with the exact wheel tags that install there), the blocker chains per target, the
 * upgrade plan, source-inspection evidence and notes.
 */
final class DependencyTextSection {
  private static final int MAX_VERSION = 24;

  private final Style style;

  DependencyTextSection(Style style) {
    this.style = style;
  }

  void write(StringBuilder out, DependencyTable t) {
    int blockers = t.blockers().size();
    out.append(
            style.bold(
                "Dependencies: "
                    + t.packages().size()
                    + (t.packages().size() == 1 ? " package" : " packages")
                    + ", "
                    + blockers
                    + (blockers == 1 ? " blocks" : " block")
                    + " at least one target"))
        .append('\n');
    out.append("  ").append(style.dim("targets: " + String.join(", ", t.targets()))).append('\n');
    if (!t.inputs().isEmpty()) {
      out.append("  ").append(style.dim("read: " + String.join(", ", t.inputs()))).append('\n');
    }
    if (!t.indexes().isEmpty()) {
      out.append("  ").append(style.dim("index: " + String.join(", ", t.indexes()))).append('\n');
    }
    table(out, t);
    chains(out, t);
    plan(out, t.plan());
    sources(out, t);
    if (!t.missingOffline().isEmpty()) {
      out.append("  ")
          .append(
              style.yellow(
                  "offline: not in the cache, not audited: "
                      + String.join(", ", t.missingOffline())))
          .append('\n');
    }
    t.notes().forEach(n -> out.append("  ").append(style.dim("note: " + n)).append('\n'));
    out.append('\n');
  }

  private void table(StringBuilder out, DependencyTable t) {
    Set<String> platforms = new LinkedHashSet<>();
    t.targets().forEach(label -> platforms.add(platformOf(label)));
    boolean onePlatform = platforms.size() == 1;
    List<String> header = new ArrayList<>(List.of("package", "version", "kind"));
    t.targets().forEach(label -> header.add(onePlatform ? pythonOf(label) : label));
    header.addAll(List.of("first free-threaded", "newest", "claim"));
    if (t.sourcesInspected()) {
      header.add("source");
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(header.toArray(String[]::new));
    for (Row r : t.packages()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  r.name() + (r.direct() ? "" : " *"),
                  shorten(r.version()) + (r.yanked().isPresent() ? " (yanked)" : ""),
                  r.kind()));
      for (String target : t.targets()) {
        row.add(r.on(target).map(DependencyTextSection::cell).orElse("-"));
      }
      row.add(firstFreeThreaded(r));
      row.add(r.newest().orElse("-"));
      row.add(r.claim().orElse("-"));
      if (t.sourcesInspected()) {
        row.add(r.source().map(DependencyTable.SourceCheck::summary).orElse("-"));
      }
      rows.add(row.toArray(String[]::new));
    }
    int columns = header.size();
    int[] widths = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (int row = 0; row < rows.size(); row++) {
      String[] r = rows.get(row);
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        String padded = i == columns - 1 ? r[i] : pad(r[i], widths[i]) + "  ";
        if (row == 0) {
          line.append(padded);
          continue;
        }
        int targetIndex = i - 3;
        if (targetIndex >= 0 && targetIndex < t.targets().size()) {
          Row pkg = t.packages().get(row - 1);
          DependencyTable.Standing standing =
              pkg.on(t.targets().get(targetIndex))
                  .map(c -> c.status().standing())
                  .orElse(DependencyTable.Standing.OK);
          line.append(
              switch (standing) {
                case BLOCKER -> style.red(padded);
                case UNKNOWN -> style.yellow(padded);
                case OK -> padded;
              });
        } else {
          line.append(padded);
        }
      }
      String text = line.toString().stripTrailing();
      out.append(row == 0 ? style.dim(text) : text).append('\n');
    }
    out.append("  ")
        .append(
            style.dim(
                "* transitive dependency"
                    + (onePlatform ? "; platform " + platforms.iterator().next() : "")))
        .append('\n');
  }

  /**
   * {@code free-threaded cp314-cp314t-manylinux_2_28_x86_64}, {@code pure py3-none-any}, {@code no
   * free-threaded wheel}: the status, and the tags of the wheel that installs when there is one.
   */
  static String cell(Cell c) {
    String tags = c.wheelTags();
    String words =
        switch (c.status()) {
          case FREE_THREADED_WHEEL -> "free-threaded";
          case PURE_PYTHON -> "pure";
          case PURE_FALLBACK -> "pure fallback";
          default -> c.status().label();
        };
    return tags.isEmpty() ? words : words + " " + tags;
  }

  /** One version when every target agrees, else one per target in order, {@code -} for none. */
  static String firstFreeThreaded(Row r) {
    Set<String> distinct = new LinkedHashSet<>();
    List<String> each = new ArrayList<>();
    for (Cell c : r.targets()) {
      String v = c.firstFreeThreaded().orElse("-");
      distinct.add(v);
      each.add(v);
    }
    if (distinct.isEmpty()) {
      return "-";
    }
    return distinct.size() == 1 ? distinct.iterator().next() : String.join(" / ", each);
  }

  private void chains(StringBuilder out, DependencyTable t) {
    if (t.chains().isEmpty()) {
      return;
    }
    out.append(style.bold("Blocker chains (" + t.chains().size() + ")")).append('\n');
    for (String target : t.targets()) {
      List<DependencyTable.Chain> mine =
          t.chains().stream().filter(c -> c.target().equals(target)).toList();
      if (mine.isEmpty()) {
        continue;
      }
      out.append("  ").append(target).append('\n');
      mine.forEach(c -> out.append("    ").append(style.red(c.render())).append('\n'));
    }
  }

  private void plan(StringBuilder out, DependencyTable.Plan plan) {
    if (plan.isEmpty()) {
      return;
    }
    out.append(style.bold("Upgrade plan")).append('\n');
    for (DependencyTable.Bump b : plan.bumps()) {
      out.append("  ")
          .append(style.green("bump " + b.render()))
          .append(" for ")
          .append(String.join(", ", b.targets()))
          .append('\n');
      for (DependencyTable.Conflict c : plan.conflictsOf(b.name())) {
        out.append("    ").append(style.yellow("blocked: " + c.render())).append('\n');
      }
    }
    plan.conflicts().stream()
        .filter(c -> plan.bumps().stream().noneMatch(b -> b.name().equals(c.name())))
        .forEach(c -> out.append("  ").append(style.yellow("blocked: " + c.render())).append('\n'));
    for (String u : plan.unfixable()) {
      out.append("  ").append(style.red("no free-threaded release to move to: " + u)).append('\n');
    }
  }

  private void sources(StringBuilder out, DependencyTable t) {
    List<Row> inspected = t.packages().stream().filter(r -> r.source().isPresent()).toList();
    if (inspected.isEmpty()) {
      return;
    }
    out.append(style.bold("Source inspection (sdists read, nothing built)")).append('\n');
    for (Row r : inspected) {
      DependencyTable.SourceCheck s = r.source().orElseThrow();
      out.append("  ")
          .append(r.name())
          .append(' ')
          .append(r.version())
          .append(": ")
          .append(s.summary())
          .append('\n');
      s.evidence().forEach(e -> out.append("    ").append(style.dim(e)).append('\n'));
    }
  }

  /** A URL or VCS requirement stands in the version column; the table shows its start. */
  private static String shorten(String version) {
    return version.length() <= MAX_VERSION ? version : version.substring(0, MAX_VERSION - 1) + "…";
  }

  private static String pythonOf(String label) {
    int slash = label.indexOf('/');
    return slash < 0 ? label : label.substring(0, slash);
  }

  private static String platformOf(String label) {
    int slash = label.indexOf('/');
    return slash < 0 ? "" : label.substring(slash + 1);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
