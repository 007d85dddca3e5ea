package dev.ftscout.deps.audit;

import dev.ftscout.deps.index.DistributionFile;
import dev.ftscout.deps.index.IndexClient;
import dev.ftscout.deps.index.IndexException;
import dev.ftscout.deps.index.ProjectPage;
import dev.ftscout.deps.input.DeclaredDependency;
import dev.ftscout.deps.input.DependencyInput;
import dev.ftscout.deps.input.DependencyKind;
import dev.ftscout.deps.input.InputFormat;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.input.SourceLocation;
import dev.ftscout.deps.metadata.CoreMetadata;
import dev.ftscout.deps.pep440.InvalidVersionException;
import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.InvalidRequirementException;
import dev.ftscout.deps.pep508.MarkerEnvironment;
import dev.ftscout.deps.pep508.Requirement;
import dev.ftscout.deps.source.GilDeclaration;
import dev.ftscout.deps.source.SdistExtractor;
import dev.ftscout.deps.source.SourceInspection;
import dev.ftscout.deps.source.SourceInspector;
import dev.ftscout.deps.tags.SdistFilename;
import dev.ftscout.deps.tags.TagRanking;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.deps.tags.WheelFilename;
import dev.ftscout.model.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The dependency audit: resolves the whole tree from the inputs against the index, evaluates every
 * package on every target, finds blocker chains and proposes an upgrade plan.
 *
 * <p>Pages and metadata of one tree level are fetched in parallel. Versions come from the lock when
 * there is one; otherwise each package is evaluated at the newest version that satisfies every
 * specifier met so far (a simple forward resolver, not a backtracking one: a conflict it cannot
 * settle is reported as a note).
 */
public final class DependencyAudit {
  private static final int MAX_ROUNDS = 50;
  private final IndexClient client;
  private final Progress progress;
  private final java.util.Queue<String> sourceProblems =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final Map<String, String> indexFailures = new ConcurrentHashMap<>();

  public DependencyAudit(IndexClient client) {
    this(client, Progress.none());
  }

  /** An audit that reports index queries and package evaluation to {@code progress}. */
  public DependencyAudit(IndexClient client, Progress progress) {
    this.client = client;
    this.progress = progress;
  }

  /** A package being resolved. */
  private static final class Node {
    final String name;
    final List<DeclaredDependency> declarations = new ArrayList<>();
    final Set<String> parents = new LinkedHashSet<>();
    final Set<String> extras = new LinkedHashSet<>();
    final Map<String, SpecifierSet> requiredBy = new LinkedHashMap<>();
    SpecifierSet specifier = SpecifierSet.any();
    DependencyKind kind = DependencyKind.INDEX;
    @Nullable Version pinned;
    @Nullable Version chosen;
    @Nullable ProjectPage page;
    NavigableMap<Version, List<Dist>> releases = new TreeMap<>();
    @Nullable CoreMetadata metadata;
    @Nullable Version expandedAt;

    /** Nothing on the index satisfied the specifiers last time; retried when they change. */
    boolean unresolvable;

    boolean direct;
    final Set<String> requiredOn = new LinkedHashSet<>();
    @Nullable Version metadataVersion;
    final List<String> lockEdges = new ArrayList<>();

    Node(String name) {
      this.name = name;
    }
  }

  /** Runs the audit. Throws {@link IndexException} when the index fails for good. */
  public AuditResult run(AuditRequest request) {
    // Resolution rounds fetch in parallel and add notes from several threads.
    List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    Map<String, Node> nodes = new TreeMap<>();
    Map<String, DeclaredDependency> locked = new HashMap<>();
    Set<String> roots = new LinkedHashSet<>();
    Map<String, CoreMetadata> localMetadata = new HashMap<>();
    boolean anyLock = false;
    for (DependencyInput in : request.inputs()) {
      localMetadata.putAll(in.localMetadata());
      notes.addAll(in.notes());
      if (in.format().locked()) {
        anyLock = true;
        for (DeclaredDependency d : in.dependencies()) {
          if (!request.includes(d.group())) {
            continue;
          }
          locked.put(d.canonicalName(), d);
        }
      }
    }
    for (DependencyInput in : request.inputs()) {
      for (DeclaredDependency d : in.dependencies()) {
        if (!request.includes(d.group())) {
          continue;
        }
        if (in.format().locked()
            && !in.roots().isEmpty()
            && !in.roots().contains(d.canonicalName())) {
          continue;
        }
        if (in.format().locked() && in.roots().isEmpty()) {
          continue;
        }
        Node n = nodes.computeIfAbsent(d.canonicalName(), Node::new);
        n.direct = true;
        n.declarations.add(d);
        n.kind = d.kind();
        n.extras.addAll(d.extras());
        if (!d.specifier().isEmpty()) {
          n.specifier = n.specifier.and(d.specifier());
          n.requiredBy.put("project", d.specifier());
        }
        roots.add(d.canonicalName());
      }
      for (DeclaredDependency c : in.constraints()) {
        Node n = nodes.get(c.canonicalName());
        if (n != null) {
          n.specifier = n.specifier.and(c.specifier());
        }
      }
    }
    if (anyLock && roots.isEmpty()) {
      // A flat lock without a root package: every locked package is a start point; the ones
      // nothing else requires are marked direct after the tree is known.
      for (DeclaredDependency d : locked.values()) {
        Node n = nodes.computeIfAbsent(d.canonicalName(), Node::new);
        n.declarations.add(d);
        roots.add(d.canonicalName());
      }
    }
    for (Node n : nodes.values()) {
      DeclaredDependency l = locked.get(n.name);
      if (l != null) {
        n.pinned = l.pinned().orElse(null);
        n.kind = l.kind();
        n.lockEdges.addAll(l.dependsOn());
        if (!n.declarations.contains(l)) {
          n.declarations.add(l);
        }
      }
    }
    if (!anyLock && nodes.values().stream().anyMatch(n -> n.pinned == null)) {
      notes.add(
          "unpinned inputs: each package is evaluated at the newest version satisfying its specifiers");
    }
    List<Target> targets = request.targets();
    Map<String, MarkerEnvironment> envs = new LinkedHashMap<>();
    targets.forEach(t -> envs.put(t.label(), t.markerEnvironment()));
    for (Node n : nodes.values()) {
      for (DeclaredDependency d : n.declarations) {
        envs.forEach((label, env) -> {
          if (markerHolds(d, env)) {
            n.requiredOn.add(label);
          }
        });
      }
    }
    indexFailures.clear();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      progress.start("Querying the package index", 0);
      try {
        resolve(nodes, locked, localMetadata, envs, notes, pool, anyLock);
      } finally {
        progress.finish();
      }
      if (anyLock && roots.size() == nodes.size()) {
        Set<String> required = new LinkedHashSet<>();
        nodes.values().forEach(n -> n.parents.forEach(p -> required.add(n.name)));
        roots.removeAll(required);
      }
      for (String r : roots) {
        Node n = nodes.get(r);
        if (n != null) {
          n.direct = true;
        }
      }
      List<TagRanking> rankings = targets.stream().map(Target::ranking).toList();
      Map<String, PackageReport> reports = new TreeMap<>();
      Map<String, Future<PackageReport>> futures = new LinkedHashMap<>();
      progress.start(
          request.inspector().isPresent() ? "Evaluating wheels and sources" : "Evaluating wheels",
          nodes.size());
      try {
        for (Node n : nodes.values()) {
          futures.put(
              n.name,
              pool.submit(() -> {
                PackageReport report = evaluate(n, rankings, request);
                progress.step(n.name);
                return report;
              }));
        }
        for (var e : futures.entrySet()) {
          reports.put(e.getKey(), get(e.getValue()));
        }
      } finally {
        progress.finish();
      }
      List<PackageReport> ordered = new ArrayList<>(reports.values());
      ordered.sort(
          Comparator.comparing((PackageReport p) -> !p.direct())
              .thenComparing(PackageReport::name));
      List<BlockerChain> chains = chains(request.projectName(), nodes, roots, ordered, targets);
      UpgradePlan plan = plan(nodes, ordered, targets);
      notes.addAll(client.warnings());
      notes.addAll(sourceProblems);
      sourceProblems.clear();
      new TreeMap<>(indexFailures)
          .forEach((name, error) -> notes.add(name + ": index request failed: " + error));
      return new AuditResult(
          targets.stream().map(Target::label).toList(),
          ordered,
          chains,
          plan,
          notes,
          client.missingOffline(),
          indexFailures);
    }
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IndexException(String.valueOf(e.getCause()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("interrupted", e);
    }
  }

  private void resolve(
      Map<String, Node> nodes,
      Map<String, DeclaredDependency> locked,
      Map<String, CoreMetadata> localMetadata,
      Map<String, MarkerEnvironment> envs,
      List<String> notes,
      ExecutorService pool,
      boolean anyLock) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Node> todo =
          nodes.values().stream()
              .filter(n -> n.kind == DependencyKind.INDEX)
              .filter(n -> !n.requiredOn.isEmpty())
              .filter(n -> !n.unresolvable)
              .filter(n -> n.expandedAt == null || !n.specifier.inRange(n.expandedAt))
              .toList();
      if (todo.isEmpty()) {
        return;
      }
      List<Callable<Void>> fetches = new ArrayList<>();
      for (Node n : todo) {
        fetches.add(() -> {
          if (n.page == null) {
            if (indexFailures.containsKey(n.name)) {
              return null;
            }
            ProjectPage page;
            try {
              page = client.page(n.name);
            } catch (IndexException e) {
              // One project the index cannot serve must not sink the whole audit: it is
              // reported as not found, with the error in the notes.
              indexFailures.put(n.name, String.valueOf(e.getMessage()));
              return null;
            }
            n.releases = releases(page);
            n.page = page;
            progress.step(n.name);
          }
          n.chosen = choose(n, notes);
          Version chosen = n.chosen;
          if (chosen != null) {
            CoreMetadata local = localMetadata.get(n.name);
            if (n.metadata == null || !chosen.equals(n.metadataVersion)) {
              n.metadata = local != null ? local : metadata(n, chosen, notes);
              n.metadataVersion = chosen;
            }
          }
          return null;
        });
      }
      List<Future<Void>> done;
      try {
        done = pool.invokeAll(fetches);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexException("interrupted", e);
      }
      done.forEach(DependencyAudit::get);
      for (Node n : todo) {
        n.expandedAt = n.chosen;
        if (n.chosen == null) {
          n.unresolvable = true;
          continue;
        }
        expand(n, nodes, locked, envs, notes, anyLock);
      }
    }
    notes.add("resolution did not settle after " + MAX_ROUNDS + " rounds; results may be partial");
  }

  private static @Nullable Version choose(Node n, List<String> notes) {
    if (n.pinned != null) {
      return n.pinned;
    }
    ProjectPage page = n.page;
    if (page == null) {
      return null;
    }
    List<String> candidates =
        n.releases.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(d -> !d.file().isYanked()))
            .map(e -> e.getKey().toString())
            .toList();
    List<String> ok = n.specifier.filter(candidates);
    if (ok.isEmpty() && pinsExactly(n.specifier)) {
      // PEP 592: an exact pin (== or ===) selects the release even when it is yanked.
      ok = n.specifier.filter(n.releases.keySet().stream().map(Version::toString).toList());
    }
    if (ok.isEmpty()) {
      if (!candidates.isEmpty()) {
        notes.add(n.name + ": no release satisfies " + n.specifier);
      }
      return null;
    }
    return Version.parse(ok.get(ok.size() - 1));
  }

  /** Whether the specifiers pin one version: an {@code ==} without a wildcard, or {@code ===}. */
  private static boolean pinsExactly(SpecifierSet specifier) {
    return specifier.specifiers().stream()
        .anyMatch(
            s -> s.operator().equals("===") || (s.operator().equals("==") && !s.isWildcard()));
  }

  /**
   * A file of a release; its wheel name is parsed on first use only, since most files of most
   * releases are never looked at.
   */
  private static final class Dist {
    final DistributionFile file;
    private Optional<WheelFilename> wheel = Optional.empty();
    private boolean parsed;

    Dist(DistributionFile file) {
      this.file = file;
    }

    DistributionFile file() {
      return file;
    }

    Optional<WheelFilename> wheel() {
      if (!parsed) {
        wheel = file.isWheel() ? WheelFilename.tryParse(file.filename()) : Optional.empty();
        parsed = true;
      }
      return wheel;
    }

    /** Cheap pre-check: a free-threaded ABI tag ({@code cp314t}, {@code abi3t}) ends in t. */
    boolean mayBeFreeThreaded() {
      String f = file.filename();
      return file.isWheel() && (f.contains("t-") || f.contains("t."));
    }
  }

  /**
   * The page's files grouped by version, oldest first. The version is cut from the file name
   * (second field of a wheel name, last of an sdist's) and each distinct string parsed once; names
   * that do not parse are skipped.
   */
  private static NavigableMap<Version, List<Dist>> releases(ProjectPage page) {
    TreeMap<Version, List<Dist>> out = new TreeMap<>();
    Map<String, Optional<Version>> parsed = new HashMap<>();
    for (DistributionFile f : page.files()) {
      String name = f.filename();
      String versionText;
      if (f.isWheel()) {
        int a = name.indexOf('-');
        int b = a < 0 ? -1 : name.indexOf('-', a + 1);
        versionText = b < 0 ? "" : name.substring(a + 1, b);
      } else {
        Optional<SdistFilename> sdist = SdistFilename.tryParse(name);
        versionText = sdist.map(sd -> sd.version().toString()).orElse("");
      }
      if (versionText.isEmpty()) {
        continue;
      }
      Optional<Version> v = parsed.computeIfAbsent(versionText, Version::tryParse);
      v.ifPresent(ver -> out.computeIfAbsent(ver, k -> new ArrayList<>()).add(new Dist(f)));
    }
    return out;
  }

  private @Nullable CoreMetadata metadata(Node n, Version v, List<String> notes) {
    try {
      return metadataFor(n, v).orElse(null);
    } catch (IndexException e) {
      notes.add(n.name + " " + v + ": metadata not read (" + e.getMessage() + ")");
      return null;
    }
  }

  private Optional<CoreMetadata> metadataFor(Node n, Version v) {
    Optional<DistributionFile> wheel =
        n.releases.getOrDefault(v, List.of()).stream()
            .map(Dist::file)
            .filter(DistributionFile::isWheel)
            .min(Comparator.comparing((DistributionFile f) -> !f.coreMetadata()));
    return wheel.flatMap(client::metadata);
  }

  private static void expand(
      Node n,
      Map<String, Node> nodes,
      Map<String, DeclaredDependency> locked,
      Map<String, MarkerEnvironment> envs,
      List<String> notes,
      boolean anyLock) {
    CoreMetadata md = n.metadata;
    if (md == null) {
      for (String edge : n.lockEdges) {
        link(n, edge, SpecifierSet.any(), Set.of(), n.requiredOn, nodes, locked);
      }
      return;
    }
    for (String text : md.requiresDist()) {
      Requirement r;
      try {
        r = Requirement.parse(text);
      } catch (InvalidRequirementException | InvalidVersionException e) {
        notes.add(n.name + " " + n.chosen + ": unreadable Requires-Dist '" + text + "'");
        continue;
      }
      Set<String> on = appliesOn(r, n, envs);
      if (on.isEmpty()) {
        continue;
      }
      if (anyLock && !locked.containsKey(r.canonicalName())) {
        continue;
      }
      link(n, r.canonicalName(), r.specifier(), r.extras(), on, nodes, locked);
    }
  }

  /** The targets (among those the parent is needed on) where the requirement applies. */
  private static Set<String> appliesOn(
      Requirement r, Node parent, Map<String, MarkerEnvironment> envs) {
    Set<String> on = new LinkedHashSet<>();
    for (String label : parent.requiredOn) {
      MarkerEnvironment env = envs.get(label);
      if (env == null) {
        continue;
      }
      try {
        if (r.appliesTo(env)) {
          on.add(label);
          continue;
        }
        for (String extra : parent.extras) {
          if (r.appliesTo(env.withExtra(extra))) {
            on.add(label);
            break;
          }
        }
      } catch (RuntimeException undefined) {
        // An undefined comparison in someone else's metadata: the line does not apply there.
      }
    }
    return on;
  }

  private static boolean markerHolds(DeclaredDependency d, MarkerEnvironment env) {
    try {
      return d.marker().map(m -> m.evaluate(env)).orElse(true);
    } catch (RuntimeException undefined) {
      // The user's own marker cannot be decided here: keep the dependency rather than drop it.
      return true;
    }
  }

  private static void link(
      Node parent,
      String child,
      SpecifierSet spec,
      Set<String> extras,
      Set<String> on,
      Map<String, Node> nodes,
      Map<String, DeclaredDependency> locked) {
    Node c =
        nodes.computeIfAbsent(
            child,
            name -> {
              Node fresh = new Node(name);
              DeclaredDependency l = locked.get(name);
              if (l != null) {
                fresh.pinned = l.pinned().orElse(null);
                fresh.kind = l.kind();
                fresh.declarations.add(l);
                fresh.lockEdges.addAll(l.dependsOn());
              }
              return fresh;
            });
    c.parents.add(parent.name);
    if (c.requiredOn.addAll(on)) {
      c.expandedAt = null;
      c.unresolvable = false;
    }
    if (!spec.isEmpty()) {
      c.requiredBy.put(parent.name + " " + parent.chosen, spec);
      c.specifier = c.specifier.and(spec);
      c.unresolvable = false;
    }
    if (!c.extras.containsAll(extras)) {
      c.extras.addAll(extras);
      c.expandedAt = null;
      c.unresolvable = false;
    }
  }

  private PackageReport evaluate(Node n, List<TagRanking> rankings, AuditRequest request) {
    List<SourceLocation> declared =
        n.declarations.stream().map(DeclaredDependency::location).distinct().toList();
    // The project's own file (pyproject, requirements) is where a user reads and edits a
    // requirement; a lock file only repeats it.
    Optional<SourceLocation> at =
        declared.stream()
            .filter(l -> !InputReaders.formatOf(l.file()).map(InputFormat::locked).orElse(false))
            .findFirst()
            .or(() -> declared.stream().findFirst());
    Map<String, TargetStatus> statuses = new LinkedHashMap<>();
    if (n.kind != DependencyKind.INDEX) {
      for (TagRanking r : rankings) {
        statuses.put(r.target().label(), unresolved(n, r.target().label(), Support.NOT_CHECKED));
      }
      return new PackageReport(
          n.name,
          n.declarations.isEmpty() ? "" : n.declarations.get(0).raw(),
          false,
          n.direct,
          n.kind,
          at,
          List.copyOf(n.parents),
          false,
          Optional.empty(),
          Optional.empty(),
          statuses,
          Optional.empty(),
          declared,
          Optional.empty());
    }
    ProjectPage page = n.page;
    Version chosen = n.chosen;
    if (page == null || chosen == null) {
      for (TagRanking r : rankings) {
        statuses.put(r.target().label(), unresolved(n, r.target().label(), Support.NOT_FOUND));
      }
      return new PackageReport(
          n.name,
          n.pinned == null ? "" : n.pinned.toString(),
          n.pinned != null,
          n.direct,
          n.kind,
          at,
          List.copyOf(n.parents),
          false,
          Optional.empty(),
          Optional.empty(),
          statuses,
          Optional.empty(),
          declared,
          Optional.empty());
    }
    NavigableMap<Version, List<Dist>> versions = n.releases;
    List<DistributionFile> files =
        versions.getOrDefault(chosen, List.of()).stream().map(Dist::file).toList();
    // A yanked file counts only when the release was chosen anyway: locked, or pinned exactly.
    boolean releaseYanked = !files.isEmpty() && files.stream().allMatch(DistributionFile::isYanked);
    List<WheelFilename> wheels =
        versions.getOrDefault(chosen, List.of()).stream()
            .filter(d -> !d.file().isYanked() || n.pinned != null || releaseYanked)
            .map(Dist::wheel)
            .flatMap(Optional::stream)
            .toList();
    boolean binary = wheels.stream().anyMatch(w -> !w.isPure());
    boolean hasSdist = files.stream().anyMatch(f -> !f.isWheel());
    boolean sdistOnly = wheels.isEmpty() && hasSdist;
    Optional<String> newest =
        versions.descendingKeySet().stream()
            .filter(v -> !v.isPrerelease())
            .findFirst()
            .map(Version::toString);
    Optional<SourceInspection> inspection = Optional.empty();
    boolean needsSource = false;
    for (TagRanking r : rankings) {
      if (n.requiredOn.contains(r.target().label())
          && !hasFreeThreaded(wheels, r)
          && !installsPure(wheels, r)
          && (binary || sdistOnly)) {
        needsSource = true;
      }
    }
    if (needsSource && request.inspector().isPresent() && hasSdist) {
      try {
        inspection = inspect(n, files, request);
      } catch (IndexException | java.io.UncheckedIOException e) {
        sourceProblems.add(
            n.name + " " + chosen + ": sources not inspected (" + e.getMessage() + ")");
      }
    }
    Optional<String> yanked = releaseYanked ? files.get(0).yanked() : Optional.empty();
    for (TagRanking r : rankings) {
      String label = r.target().label();
      List<String> installable =
          wheels.stream()
              .filter(r::installs)
              .sorted(Comparator.comparing(w -> r.priority(w).orElse(Integer.MAX_VALUE)))
              .map(WheelFilename::filename)
              .toList();
      Optional<String> first = firstFreeThreaded(versions, r);
      Support s =
          n.requiredOn.contains(label)
              ? classify(wheels, r, binary, sdistOnly, inspection)
              : Support.NOT_REQUIRED;
      statuses.put(label, new TargetStatus(label, s, installable, first));
    }
    return new PackageReport(
        n.name,
        chosen.toString(),
        n.pinned != null,
        n.direct,
        n.kind,
        at,
        List.copyOf(n.parents),
        binary,
        newest,
        Optional.ofNullable(n.metadata).flatMap(CoreMetadata::freeThreadingClaim),
        statuses,
        inspection,
        declared,
        yanked);
  }

  private static TargetStatus unresolved(Node n, String label, Support support) {
    return new TargetStatus(
        label,
        n.requiredOn.contains(label) ? support : Support.NOT_REQUIRED,
        List.of(),
        Optional.empty());
  }

  private static boolean hasFreeThreaded(List<WheelFilename> wheels, TagRanking r) {
    return wheels.stream()
        .anyMatch(w -> r.installs(w) && w.tags().stream().anyMatch(t -> t.isFreeThreadedAbi()));
  }

  private static boolean installsPure(List<WheelFilename> wheels, TagRanking r) {
    return wheels.stream()
        .anyMatch(w -> r.installs(w) && w.tags().stream().allMatch(t -> t.abi().equals("none")));
  }

  private static Support classify(
      List<WheelFilename> wheels,
      TagRanking r,
      boolean binary,
      boolean sdistOnly,
      Optional<SourceInspection> inspection) {
    if (hasFreeThreaded(wheels, r)) {
      return Support.FREE_THREADED_WHEEL;
    }
    if (installsPure(wheels, r)) {
      return binary ? Support.PURE_FALLBACK : Support.PURE_PYTHON;
    }
    if (inspection.isPresent()) {
      SourceInspection i = inspection.get();
      // A GIL-free declaration wins over a fallback: the built extension is what gets imported.
      if (i.declaration() == GilDeclaration.YES) {
        return Support.SOURCE_DECLARES_GIL_FREE;
      }
      if (i.pureFallback()) {
        return Support.PURE_FALLBACK;
      }
      return switch (i.declaration()) {
        // A binary package whose sdist shows no extension builds it some way the scanner does
        // not read: its wheels still say it is binary.
        case NO_EXTENSIONS -> binary ? Support.NO_FREE_THREADED_WHEEL : Support.PURE_PYTHON;
        case YES -> Support.SOURCE_DECLARES_GIL_FREE;
        case CONDITIONAL, NO ->
            sdistOnly ? Support.SOURCE_REENABLES_GIL : Support.NO_FREE_THREADED_WHEEL;
      };
    }
    if (sdistOnly) {
      return Support.SDIST_UNKNOWN;
    }
    if (!binary && wheels.isEmpty()) {
      return Support.NOT_FOUND;
    }
    return Support.NO_FREE_THREADED_WHEEL;
  }

  private static Optional<String> firstFreeThreaded(
      NavigableMap<Version, List<Dist>> versions, TagRanking r) {
    for (var e : versions.entrySet()) {
      if (e.getKey().isPrerelease()) {
        continue;
      }
      List<WheelFilename> ws =
          e.getValue().stream()
              .filter(Dist::mayBeFreeThreaded)
              .map(Dist::wheel)
              .flatMap(Optional::stream)
              .toList();
      if (hasFreeThreaded(ws, r)) {
        return Optional.of(e.getKey().toString());
      }
    }
    return Optional.empty();
  }

  private Optional<SourceInspection> inspect(
      Node n, List<DistributionFile> files, AuditRequest request) {
    Optional<DistributionFile> sdist = files.stream().filter(f -> !f.isWheel()).findFirst();
    SourceInspector inspector = request.inspector().orElseThrow();
    if (sdist.isEmpty()) {
      return Optional.empty();
    }
    Path dir = request.workDir().resolve("sdists").resolve(n.name + "-" + n.chosen);
    Path archive = client.download(sdist.get(), dir, 256L << 20);
    try {
      Path tree = new SdistExtractor(512L << 20, 50_000).extract(archive, dir.resolve("src"));
      return Optional.of(inspector.inspect(tree, n.name, String.valueOf(n.chosen)));
    } catch (IOException e) {
      throw new IndexException(
          "cannot extract " + sdist.get().filename() + ": " + e.getMessage(), e);
    }
  }

  private static List<BlockerChain> chains(
      String project,
      Map<String, Node> nodes,
      Set<String> roots,
      List<PackageReport> reports,
      List<Target> targets) {
    List<BlockerChain> out = new ArrayList<>();
    for (Target t : targets) {
      for (PackageReport p : reports) {
        TargetStatus s = p.targets().get(t.label());
        if (s == null || !s.support().blocker()) {
          continue;
        }
        List<String> path = pathTo(p.name(), nodes, roots);
        List<String> rendered = new ArrayList<>();
        rendered.add(project);
        for (String name : path) {
          Node n = nodes.get(name);
          rendered.add(name + (n == null || n.chosen == null ? "" : " " + n.chosen));
        }
        String reason =
            s.support() == Support.SOURCE_REENABLES_GIL
                ? "no " + t.abi() + " wheel; its sdist builds an extension not declared GIL-free"
                : "no " + t.abi() + " wheel";
        out.add(new BlockerChain(t.label(), rendered, reason, s.firstFreeThreadedRelease()));
      }
    }
    return out;
  }

  /** Shortest path from a root to the package, following parents backwards. */
  private static List<String> pathTo(String target, Map<String, Node> nodes, Set<String> roots) {
    Map<String, String> via = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(target);
    via.put(target, "");
    while (!queue.isEmpty()) {
      String cur = queue.poll();
      if (roots.contains(cur)) {
        List<String> path = new ArrayList<>();
        for (String x = cur; !x.isEmpty(); x = via.getOrDefault(x, "")) {
          path.add(x);
        }
        return path;
      }
      Node n = nodes.get(cur);
      if (n == null) {
        continue;
      }
      for (String p : n.parents) {
        if (!via.containsKey(p)) {
          via.put(p, cur);
          queue.add(p);
        }
      }
    }
    return List.of(target);
  }

  private static UpgradePlan plan(
      Map<String, Node> nodes, List<PackageReport> reports, List<Target> targets) {
    List<UpgradePlan.Bump> bumps = new ArrayList<>();
    List<UpgradePlan.Conflict> conflicts = new ArrayList<>();
    List<String> unfixable = new ArrayList<>();
    for (PackageReport p : reports) {
      List<String> blocked = new ArrayList<>();
      Version needed = null;
      boolean fixable = true;
      for (Target t : targets) {
        TargetStatus s = p.targets().get(t.label());
        if (s == null || !s.support().blocker()) {
          continue;
        }
        blocked.add(t.label());
        Optional<Version> first = s.firstFreeThreadedRelease().flatMap(Version::tryParse);
        if (first.isEmpty()) {
          fixable = false;
          continue;
        }
        if (needed == null || first.get().compareTo(needed) > 0) {
          needed = first.get();
        }
      }
      if (blocked.isEmpty()) {
        continue;
      }
      if (!fixable || needed == null) {
        unfixable.add(
            p.name()
                + " "
                + p.version()
                + ": no free-threaded wheel released for "
                + String.join(", ", blocked));
        continue;
      }
      Node n = nodes.get(p.name());
      if (n == null) {
        continue;
      }
      String to = needed.toString();
      for (var e : n.requiredBy.entrySet()) {
        if (!e.getValue().inRange(needed)) {
          Optional<SourceLocation> at =
              e.getKey().equals("project")
                  ? n.declarations.stream()
                      .filter(d -> d.pinned().isEmpty())
                      .filter(d -> !d.specifier().inRange(Version.parse(to)))
                      .findFirst()
                      .map(DeclaredDependency::location)
                  : Optional.empty();
          conflicts.add(
              new UpgradePlan.Conflict(
                  p.name(), ">=" + to, e.getValue().toString(), e.getKey(), at));
        }
      }
      // The bump is listed even where a constraint forbids it: the conflicts say what to lift.
      bumps.add(new UpgradePlan.Bump(p.name(), p.version(), to, blocked));
    }
    return new UpgradePlan(bumps, conflicts, unfixable);
  }
}
