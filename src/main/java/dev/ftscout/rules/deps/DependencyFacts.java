package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.deps.audit.BlockerChain;
import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.audit.TargetStatus;
import dev.ftscout.deps.input.InputFormat;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.input.SourceLocation;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What dependency rules see: the audit's result and the project root that finding paths are
 * relative to. A finding about a package points at the line that declares it in the project's own
 * files (pyproject, requirements), where a suppression comment can sit; a transitive dependency
 * points at the direct dependency that pulls it in; a package only a lock file names points at its
 * entry there.
 */
public final class DependencyFacts {
  private final AuditResult result;
  private final Path root;
  private final Map<String, PackageReport> byName = new LinkedHashMap<>();
  private final Map<Path, List<String>> lines = new ConcurrentHashMap<>();

  /** Where a finding about a package points. */
  record Place(String path, Span span, String snippet) {}

  public DependencyFacts(AuditResult result, Path root) {
    this.result = result;
    this.root = root;
    result.packages().forEach(p -> byName.put(p.name(), p));
  }

  public AuditResult result() {
    return result;
  }

  /** The project root that finding paths are relative to. */
  public Path root() {
    return root;
  }

  List<PackageReport> packages() {
    return result.packages();
  }

  /** The targets in audit order. */
  List<String> targets() {
    return result.targets();
  }

  /** A finding about a package, at its place. */
  Finding finding(RuleInfo rule, PackageReport p, String message, String fix) {
    Place at = place(p);
    return new Finding(
        rule.id(), rule.severity(), message, at.path(), at.span(), at.snippet(), fix);
  }

  /** Where findings about the package point. */
  Place place(PackageReport p) {
    Optional<SourceLocation> own = p.declaredAt().filter(DependencyFacts::editable);
    Optional<SourceLocation> at =
        own.or(() -> viaDirectDependency(p)).or(p::declaredAt).or(() -> anyDeclaration(p));
    if (at.isEmpty()) {
      return new Place(".", Span.wholeFile(), "");
    }
    SourceLocation l = at.get();
    String path = l.relativePath(root);
    if (l.line() <= 0) {
      return new Place(path, Span.wholeFile(), "");
    }
    String text = line(l.file(), l.line());
    int column = Math.max(1, l.column());
    int end = column - 1;
    while (end < text.length() && isNameChar(text.charAt(end))) {
      end++;
    }
    return new Place(
        path, Span.onLine(l.line(), column, Math.max(1, end - (column - 1))), text.stripTrailing());
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  /** A file the user writes by hand: not a lock file. */
  private static boolean editable(SourceLocation l) {
    return !InputReaders.formatOf(l.file()).map(InputFormat::locked).orElse(false);
  }

  /** The nearest package up the requiring chain that the project declares in its own files. */
  private Optional<SourceLocation> viaDirectDependency(PackageReport p) {
    Deque<String> queue = new ArrayDeque<>(p.requiredBy());
    Set<String> seen = new HashSet<>(p.requiredBy());
    seen.add(p.name());
    while (!queue.isEmpty()) {
      PackageReport parent = byName.get(queue.poll());
      if (parent == null) {
        continue;
      }
      Optional<SourceLocation> at = parent.declaredAt().filter(DependencyFacts::editable);
      if (at.isPresent()) {
        return at;
      }
      for (String up : parent.requiredBy()) {
        if (seen.add(up)) {
          queue.add(up);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<SourceLocation> anyDeclaration(PackageReport p) {
    Deque<String> queue = new ArrayDeque<>(p.requiredBy());
    Set<String> seen = new HashSet<>(p.requiredBy());
    while (!queue.isEmpty()) {
      PackageReport parent = byName.get(queue.poll());
      if (parent == null) {
        continue;
      }
      if (parent.declaredAt().isPresent()) {
        return parent.declaredAt();
      }
      parent.requiredBy().stream().filter(seen::add).forEach(queue::add);
    }
    return Optional.empty();
  }

  private String line(Path file, int line) {
    List<String> all =
        lines.computeIfAbsent(
            file,
            f -> {
              try {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
              } catch (IOException | java.io.UncheckedIOException e) {
                return List.of();
              }
            });
    return line <= all.size() ? all.get(line - 1) : "";
  }

  /** {@code numpy 1.26.4}, or the name alone when no version was evaluated. */
  static String label(PackageReport p) {
    return p.version().isEmpty() ? p.name() : p.name() + " " + p.version();
  }

  /** The chain from the project to a package on a target, rendered without its reason. */
  Optional<String> chain(PackageReport p, String target) {
    for (BlockerChain c : result.chains()) {
      if (c.target().equals(target) && !c.path().isEmpty()) {
        String last = c.path().get(c.path().size() - 1);
        if (last.equals(label(p)) || last.equals(p.name())) {
          return Optional.of(String.join(" → ", c.path()));
        }
      }
    }
    return Optional.empty();
  }

  /** The statuses of a package on the given targets, in target order. */
  List<TargetStatus> statuses(PackageReport p, List<String> targets) {
    List<TargetStatus> out = new ArrayList<>();
    for (String t : targets) {
      TargetStatus s = p.targets().get(t);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Targets named compactly: {@code 3.13t, 3.14t (manylinux_2_28_x86_64)} when they share a
   * platform, else each full label.
   */
  static String targetList(List<String> labels) {
    Set<String> platforms = new HashSet<>();
    List<String> pythons = new ArrayList<>();
    for (String l : labels) {
      int slash = l.indexOf('/');
      platforms.add(slash < 0 ? "" : l.substring(slash + 1));
      pythons.add(slash < 0 ? l : l.substring(0, slash));
    }
    if (platforms.size() == 1 && !platforms.contains("")) {
      return String.join(", ", pythons) + " (" + platforms.iterator().next() + ")";
    }
    return String.join(", ", labels);
  }

  /** The Python part of a target label: {@code 3.14t}. */
  static String python(String label) {
    int slash = label.indexOf('/');
    return slash < 0 ? label : label.substring(0, slash);
  }

  /** The platform part of a target label. */
  static String platform(String label) {
    int slash = label.indexOf('/');
    return slash < 0 ? "" : label.substring(slash + 1);
  }

  /** Python version of a label as a number for ordering: 3.14t gives 314. */
  static int pythonOrder(String label) {
    String py = python(label).replace("t", "");
    int dot = py.indexOf('.');
    try {
      return Integer.parseInt(py.substring(0, dot)) * 100 + Integer.parseInt(py.substring(dot + 1));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * {@code first free-threaded release 2.3.3}, or per target when they differ ({@code 2.1.0 for
   * 3.13t, 2.3.3 for 3.14t}), or {@code no free-threaded release yet}.
   */
  static String firstReleases(List<TargetStatus> statuses) {
    Set<Optional<String>> distinct = new HashSet<>();
    statuses.forEach(s -> distinct.add(s.firstFreeThreadedRelease()));
    if (distinct.size() == 1) {
      return distinct
          .iterator()
          .next()
          .map(v -> "first free-threaded release " + v)
          .orElse("no free-threaded release yet");
    }
    List<String> parts = new ArrayList<>();
    for (TargetStatus s : statuses) {
      parts.add(
          s.firstFreeThreadedRelease().map(v -> v + " for ").orElse("none yet for ")
              + python(s.target()));
    }
    return "first free-threaded release " + String.join(", ", parts);
  }
}
