package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.config.ConfigSchema;
import dev.ftscout.config.DependencySettings;
import dev.ftscout.deps.DepsInputException;
import dev.ftscout.deps.audit.AuditRequest;
import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.deps.audit.AuditTables;
import dev.ftscout.deps.audit.DependencyAudit;
import dev.ftscout.deps.audit.PackageReport;
import dev.ftscout.deps.index.HttpCache;
import dev.ftscout.deps.index.IndexClient;
import dev.ftscout.deps.index.IndexException;
import dev.ftscout.deps.index.IndexLocations;
import dev.ftscout.deps.index.IndexOptions;
import dev.ftscout.deps.input.DeclaredDependency;
import dev.ftscout.deps.input.DependencyInput;
import dev.ftscout.deps.input.InputComments;
import dev.ftscout.deps.input.InputFormat;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.input.SourceLocation;
import dev.ftscout.deps.source.SourceInspector;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.model.DependencyTable;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Progress;
import dev.ftscout.model.SourceComment;
import dev.ftscout.model.UserError;
import dev.ftscout.rules.deps.DependencyFacts;
import dev.ftscout.rules.deps.DependencyRule;
import dev.ftscout.rules.deps.ExtensionSourceInspector;
import dev.ftscout.scan.Scanner;
import dev.ftscout.scan.Suppressions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One dependency audit as the user's own tools would see the project: inputs read (named or
 * detected), targets and index taken from flags, config and the environment, the audit run, and the
 * FT3xx rules applied. {@code deps} and {@code check} both run it, so they agree.
 */
final class DependencyRun {
  /** Index requests at the same time, unless {@code --jobs} says otherwise. */
  static final int DEFAULT_JOBS = 64;

  private final Terminal terminal;
  private final Components components;

  DependencyRun(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  /**
   * What to audit and against what; empty lists and options mean "from config, else detected".
   *
   * @param start the project folder, or one input file
   * @param requirements requirements files named on the command line (resolved)
   * @param lock a lock file named on the command line (resolved)
   * @param env an installed environment named on the command line (resolved)
   */
  record Request(
      Path start,
      List<Path> requirements,
      Optional<Path> lock,
      Optional<Path> env,
      List<String> targets,
      List<String> platforms,
      Optional<String> indexUrl,
      List<String> extraIndexUrls,
      List<Path> findLinks,
      boolean offline,
      boolean inspectSources,
      Set<String> extras,
      Set<String> groups,
      int jobs,
      boolean verbose) {
    Request {
      requirements = List.copyOf(requirements);
      targets = List.copyOf(targets);
      platforms = List.copyOf(platforms);
      extraIndexUrls = List.copyOf(extraIndexUrls);
      findLinks = List.copyOf(findLinks);
      extras = Set.copyOf(extras);
      groups = Set.copyOf(groups);
    }

    /** The project's detected inputs audited as the flags say, the rest from config. */
    static Request detected(Path project, AuditOptions audit, boolean verbose) {
      return new Request(
          project,
          List.of(),
          Optional.empty(),
          Optional.empty(),
          audit.targets,
          audit.platforms,
          Optional.ofNullable(audit.indexUrl),
          List.of(),
          List.of(),
          audit.offline,
          false,
          Set.of(),
          Set.of(),
          DEFAULT_JOBS,
          verbose);
    }
  }

  /**
   * A finished audit.
   *
   * @param projectName the root of the dependency chains
   * @param inputs the files read
   * @param result the audit
   * @param table the dependency table for the report
   * @param findings the FT3xx findings of the enabled rules, config severities applied, inline
   *     suppressions removed
   * @param suppressed how many findings inline comments suppressed
   */
  record Outcome(
      String projectName,
      List<DependencyInput> inputs,
      AuditResult result,
      DependencyTable table,
      List<Finding> findings,
      int suppressed) {
    Outcome {
      inputs = List.copyOf(inputs);
      findings = List.copyOf(findings);
    }
  }

  /** Reads, resolves and audits; every problem the user can fix is a {@link UserError}. */
  Outcome run(Config config, Request request, Progress progress) {
    DependencySettings settings = config.dependencies();
    Path start = request.start();
    Path projectDir = Files.isDirectory(start) ? start : parentOf(start);
    InputReaders readers = new InputReaders(terminal.env());
    List<DependencyInput> inputs = readInputs(readers, request);
    checkExtrasAndGroups(inputs, request);
    List<Target> auditTargets = targets(settings, request);

    Path home = home();
    List<Path> links = new ArrayList<>(settings.findLinks());
    links.addAll(request.findLinks());
    for (Path d : links) {
      if (!Files.isDirectory(d)) {
        throw new UserError(d + ": --find-links folder does not exist");
      }
    }
    List<String> projectIndexes =
        inputs.stream().flatMap(i -> i.indexUrls().stream()).distinct().toList();
    List<String> extraIndexes = new ArrayList<>(settings.extraIndexUrls());
    extraIndexes.addAll(request.extraIndexUrls());
    IndexLocations.Resolved where =
        new IndexLocations(
                terminal.env(),
                home,
                new PipIndexQuery(components.runner(), terminal.env(), terminal.workingDir()))
            .resolve(
                request.indexUrl().or(settings::indexUrl),
                extraIndexes,
                projectIndexes,
                python(request.env()));
    if (where.urls().isEmpty() && links.isEmpty()) {
      throw new UserError(
          "no package index configured: pass --index-url, set index-url in [tool.ftscout], or"
              + " configure pip (PIP_INDEX_URL, pip.conf) or uv (UV_DEFAULT_INDEX)");
    }
    if (request.verbose()) {
      terminal
          .err()
          .println(
              "ftscout: index " + String.join(" ", where.urls()) + " (" + where.source() + ")");
    }
    IndexOptions options =
        IndexOptions.of(where.urls(), Optional.of(HttpCache.defaultDirectory(terminal.env(), home)))
            .withOffline(request.offline())
            .withFindLinks(links)
            .withParallelism(request.jobs());
    boolean inspect = request.inspectSources() || settings.inspectSources();
    Optional<SourceInspector> inspector =
        inspect
            ? Optional.of(ExtensionSourceInspector.of(components.registry()))
            : Optional.empty();
    String projectName =
        InputReaders.projectName(projectDir)
            .orElse(
                projectDir.getFileName() == null ? "project" : projectDir.getFileName().toString());

    AuditResult result =
        audit(projectName, inputs, auditTargets, inspector, options, where, request, progress);
    DependencyTable table =
        AuditTables.of(
            result,
            config.root(),
            inputs.stream().map(DependencyInput::source).toList(),
            where.urls().stream().map(u -> u + " (" + where.source() + ")").toList(),
            inspect);
    List<DependencyRule> enabled =
        components.registry().ofType(DependencyRule.class).stream()
            .filter(r -> config.rules().enabled(r.info().id(), r.info().name()))
            .toList();
    DependencyFacts facts = new DependencyFacts(result, config.root());
    List<Finding> findings =
        enabled.stream()
            .flatMap(r -> r.check(facts).stream())
            .map(f -> f.withSeverity(config.severityOf(f.ruleId(), f.severity())))
            .sorted(Scanner.ORDER)
            .toList();
    Suppressions.Outcome suppressions =
        new Suppressions(id -> components.registry().find(id).map(r -> r.info().id()))
            .apply(findings, comments(config.root(), inputs, result));
    return new Outcome(
        projectName, inputs, result, table, suppressions.kept(), suppressions.suppressed());
  }

  private AuditResult audit(
      String projectName,
      List<DependencyInput> inputs,
      List<Target> auditTargets,
      Optional<SourceInspector> inspector,
      IndexOptions options,
      IndexLocations.Resolved where,
      Request request,
      Progress progress) {
    Path work;
    try {
      work = Files.createTempDirectory("ftscout-deps");
    } catch (IOException e) {
      throw new UserError("cannot create a temporary folder: " + e.getMessage(), e);
    }
    try (IndexClient client = new IndexClient(options, Clock.systemUTC())) {
      AuditResult result =
          new DependencyAudit(client, progress)
              .run(
                  new AuditRequest(
                      projectName,
                      inputs,
                      auditTargets,
                      request.extras(),
                      false,
                      inspector,
                      work,
                      request.groups()));
      if (result.nothingAudited()) {
        String first = result.indexFailures().values().iterator().next();
        throw new UserError(
            "cannot reach the package index "
                + String.join(" ", where.urls())
                + " ("
                + where.source()
                + "): "
                + first);
      }
      return result;
    } catch (IndexException e) {
      throw new UserError("package index: " + e.getMessage(), e);
    } finally {
      deleteTree(work);
    }
  }

  /** The comments of every file that declares a dependency, keyed as findings name files. */
  private static Map<String, List<SourceComment>> comments(
      Path root, List<DependencyInput> inputs, AuditResult result) {
    Set<Path> files = new LinkedHashSet<>();
    inputs.forEach(i -> files.add(i.source()));
    for (PackageReport p : result.packages()) {
      p.declarations().forEach(l -> files.add(l.file()));
    }
    Map<String, List<SourceComment>> out = new LinkedHashMap<>();
    for (Path f : files) {
      List<SourceComment> list = InputComments.of(f);
      if (!list.isEmpty()) {
        out.put(new SourceLocation(f, 0, 0).relativePath(root), list);
      }
    }
    return out;
  }

  private static List<DependencyInput> readInputs(InputReaders readers, Request request) {
    try {
      List<DependencyInput> inputs = new ArrayList<>();
      for (Path r : request.requirements()) {
        inputs.add(readers.read(r, InputFormat.REQUIREMENTS));
      }
      if (request.lock().isPresent()) {
        Path file = request.lock().get();
        if (InputReaders.formatOf(file).map(f -> !f.locked()).orElse(true)) {
          throw new UserError(
              file
                  + ": not a lock file ftscout reads (uv.lock, poetry.lock, Pipfile.lock,"
                  + " pylock.toml)");
        }
        inputs.add(readers.read(file));
      }
      if (request.env().isPresent()) {
        Path venv = request.env().get();
        if (!Files.isDirectory(venv)) {
          throw new UserError(venv + ": no such environment folder");
        }
        inputs.add(readers.readEnvironment(venv));
      }
      if (!inputs.isEmpty()) {
        return inputs;
      }
      Path start = request.start();
      if (Files.isRegularFile(start)) {
        return List.of(readers.read(start));
      }
      List<Path> found = readers.detect(start);
      if (found.isEmpty()) {
        throw new UserError(
            start
                + ": no dependency inputs found (requirements*.txt, pyproject.toml, uv.lock,"
                + " poetry.lock, Pipfile.lock, pylock.toml, environment.yml); name one with"
                + " --requirements, --lock or --env");
      }
      return found.stream().map(readers::read).toList();
    } catch (DepsInputException e) {
      throw new UserError(String.valueOf(e.getMessage()), e);
    }
  }

  private static void checkExtrasAndGroups(List<DependencyInput> inputs, Request request) {
    Set<String> declared = new TreeSet<>();
    for (DependencyInput in : inputs) {
      for (DeclaredDependency d : in.dependencies()) {
        d.group().ifPresent(declared::add);
      }
    }
    for (String e : request.extras()) {
      if (!declared.contains("extra:" + e)) {
        throw new UserError(
            "--extra " + e + ": no input declares this extra" + known(declared, "extra:"));
      }
    }
    for (String g : request.groups()) {
      if (!declared.contains("group:" + g)) {
        throw new UserError(
            "--group " + g + ": no input declares this group" + known(declared, "group:"));
      }
    }
  }

  private static String known(Set<String> declared, String prefix) {
    List<String> names =
        declared.stream()
            .filter(d -> d.startsWith(prefix))
            .map(d -> d.substring(prefix.length()))
            .toList();
    return names.isEmpty() ? "" : " (declared: " + String.join(", ", names) + ")";
  }

  private static List<Target> targets(DependencySettings settings, Request request) {
    List<String> pythons =
        !request.targets().isEmpty()
            ? request.targets()
            : !settings.targets().isEmpty()
                ? settings.targets()
                : List.of(ConfigSchema.DEFAULT_DEPENDENCY_TARGET);
    List<String> plats =
        !request.platforms().isEmpty()
            ? request.platforms()
            : !settings.platforms().isEmpty()
                ? settings.platforms()
                : List.of(Target.runningPlatform());
    List<Target> out = new ArrayList<>();
    for (String plat : plats) {
      for (String py : pythons) {
        try {
          Target t = Target.parse(py, plat);
          if (!out.contains(t)) {
            out.add(t);
          }
        } catch (IllegalArgumentException e) {
          throw new UserError("--target/--platform: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** The interpreter whose pip is asked for its default index: the venv's, else one on PATH. */
  private Optional<Path> python(Optional<Path> env) {
    if (env.isPresent()) {
      Path venv = env.get();
      for (Path candidate :
          List.of(venv.resolve("bin/python"), venv.resolve("Scripts/python.exe"))) {
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    String pathVar = terminal.env("PATH").orElse("");
    for (String dir : pathVar.split(java.io.File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : List.of("python3", "python", "python.exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private Path home() {
    return terminal
        .env("HOME")
        .filter(h -> !h.isBlank())
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home")));
  }

  /** The folder a file is in (the file itself when it has no parent). */
  static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath() : parent;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Leftovers in the temporary folder are harmless; the report does not depend on them.
    }
  }
}
