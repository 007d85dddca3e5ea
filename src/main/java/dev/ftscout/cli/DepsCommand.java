package dev.ftscout.cli;

import dev.ftscout.config.CliOverrides;
import dev.ftscout.config.Config;
import dev.ftscout.config.ConfigLoader;
import dev.ftscout.config.ConfigSchema;
import dev.ftscout.config.DependencySettings;
import dev.ftscout.config.FailOn;
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
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.SourceComment;
import dev.ftscout.model.UserError;
import dev.ftscout.model.Version;
import dev.ftscout.report.Report;
import dev.ftscout.rules.Rule;
import dev.ftscout.rules.deps.DependencyFacts;
import dev.ftscout.rules.deps.DependencyRule;
import dev.ftscout.rules.deps.ExtensionSourceInspector;
import dev.ftscout.scan.Baseline;
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
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ftscout deps}: audits the project's dependencies, direct and transitive, against the
 * package index for free-threaded targets, and reports blockers, their chains and the upgrade plan.
 */
@Command(
    name = "deps",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Audit the project's dependencies, direct and transitive, against its package index: for"
          + " every target (CPython 3.14t on a platform, ...) whether a free-threaded wheel"
          + " installs, which packages block and through which chain, and the version bumps that"
          + " fix them. Reads requirements files, pyproject.toml, uv.lock, poetry.lock,"
          + " Pipfile.lock, pylock.toml, environment.yml or an installed environment. Never builds"
          + " or runs a package.",
    },
    footer = {
      "",
      "The index is the one the user's tools use: --index-url, else [tool.ftscout] index-url,"
          + " else UV_DEFAULT_INDEX / UV_INDEX, the project's own files, uv.toml, PIP_INDEX_URL /"
          + " PIP_EXTRA_INDEX_URL, pip.conf, else the default of the interpreter's pip.",
      "",
      "Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage or input error, or"
          + " the index could not be reached for any package; 3 internal error."
    })
public final class DepsCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..1",
      description =
          "The project folder, whose inputs are detected, or one input file (default: the"
              + " current folder).")
  @Nullable Path path;

  @Option(
      names = "--requirements",
      split = ",",
      paramLabel = "FILE",
      description = "Read these requirements files (pip format) instead of detecting inputs.")
  List<Path> requirements = new ArrayList<>();

  @Option(
      names = "--lock",
      paramLabel = "FILE",
      description =
          "Read this lock file (uv.lock, poetry.lock, Pipfile.lock, pylock.toml) for exact"
              + " versions.")
  @Nullable Path lock;

  @Option(
      names = "--env",
      paramLabel = "VENV",
      description = "Read the packages installed in this virtual environment (or site-packages).")
  @Nullable Path env;

  @Option(
      names = "--target",
      split = ",",
      paramLabel = "PYTHON",
      description =
          "Python versions to audit for, e.g. 3.13t,3.14t (default: config targets, else "
              + ConfigSchema.DEFAULT_DEPENDENCY_TARGET
              + ").")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--platform",
      split = ",",
      paramLabel = "TAG",
      description =
          "Platform tags to audit for, e.g. manylinux_2_28_x86_64,macosx_11_0_arm64,win_amd64"
              + " (default: config platforms, else this machine's).")
  List<String> platforms = new ArrayList<>();

  @Option(
      names = "--index-url",
      paramLabel = "URL",
      description = "The package index (simple API) to audit against; replaces every other.")
  @Nullable String indexUrl;

  @Option(
      names = "--extra-index-url",
      paramLabel = "URL",
      description = "Another index searched as well; may be repeated.")
  List<String> extraIndexUrls = new ArrayList<>();

  @Option(
      names = "--find-links",
      paramLabel = "DIR",
      description = "A folder of wheels and sdists searched as well; may be repeated.")
  List<Path> findLinks = new ArrayList<>();

  @Option(
      names = "--offline",
      description = "Use only the cache; report the packages it does not have.")
  boolean offline;

  @Option(
      names = "--inspect-sources",
      description =
          "Download the sdists of blockers and sdist-only packages (never building them) and"
              + " read their extension sources for GIL-free declarations and pure-Python"
              + " fallbacks.")
  boolean inspectSources;

  @Option(
      names = "--extra",
      split = ",",
      paramLabel = "NAME",
      description = "Include the project's optional dependencies of these extras.")
  List<String> extras = new ArrayList<>();

  @Option(
      names = "--group",
      split = ",",
      paramLabel = "NAME",
      description = "Include these dependency groups (PEP 735, Poetry groups, Pipfile develop).")
  List<String> groups = new ArrayList<>();

  @Option(
      names = "--jobs",
      paramLabel = "N",
      defaultValue = "64",
      description = "Index requests at the same time (default: ${DEFAULT-VALUE}).")
  int jobs = 64;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Record every current finding in FILE as accepted, and exit 0.")
  @Nullable Path writeBaseline;

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin ReportRuleOptions rules = new ReportRuleOptions();

  public DepsCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() {
    if (jobs < 1) {
      throw new UserError("--jobs: expected at least 1, got " + jobs);
    }
    Path start = terminal.workingDir().resolve(path == null ? Path.of(".") : path).normalize();
    if (!Files.exists(start)) {
      throw new UserError(path + ": no such file or folder");
    }
    Path projectDir = Files.isDirectory(start) ? start : parentOf(start);
    Config config = rules.config(components.configLoader(), terminal, projectDir);
    DependencySettings settings = config.dependencies();
    InputReaders readers = new InputReaders(terminal.env());
    List<DependencyInput> inputs = readInputs(readers, start);
    checkExtrasAndGroups(inputs);
    List<Target> auditTargets = targets(settings);

    Path home = home();
    List<Path> links = new ArrayList<>(settings.findLinks());
    findLinks.forEach(d -> links.add(terminal.workingDir().resolve(d).normalize()));
    for (Path d : links) {
      if (!Files.isDirectory(d)) {
        throw new UserError(d + ": --find-links folder does not exist");
      }
    }
    List<String> projectIndexes =
        inputs.stream().flatMap(i -> i.indexUrls().stream()).distinct().toList();
    List<String> extraIndexes = new ArrayList<>(settings.extraIndexUrls());
    extraIndexes.addAll(extraIndexUrls);
    IndexLocations.Resolved where =
        new IndexLocations(
                terminal.env(),
                home,
                new PipIndexQuery(components.runner(), terminal.env(), terminal.workingDir()))
            .resolve(
                Optional.ofNullable(indexUrl).or(settings::indexUrl),
                extraIndexes,
                projectIndexes,
                python());
    if (where.urls().isEmpty() && links.isEmpty()) {
      throw new UserError(
          "no package index configured: pass --index-url, set index-url in [tool.ftscout], or"
              + " configure pip (PIP_INDEX_URL, pip.conf) or uv (UV_DEFAULT_INDEX)");
    }
    if (output.verbose) {
      terminal
          .err()
          .println(
              "ftscout: index " + String.join(" ", where.urls()) + " (" + where.source() + ")");
    }
    IndexOptions options =
        IndexOptions.of(where.urls(), Optional.of(HttpCache.defaultDirectory(terminal.env(), home)))
            .withOffline(offline)
            .withFindLinks(links)
            .withParallelism(jobs);
    boolean inspect = inspectSources || settings.inspectSources();
    Optional<SourceInspector> inspector =
        inspect
            ? Optional.of(ExtensionSourceInspector.of(components.registry()))
            : Optional.empty();
    String projectName =
        InputReaders.projectName(projectDir)
            .orElse(
                projectDir.getFileName() == null ? "project" : projectDir.getFileName().toString());

    AuditResult result = audit(projectName, inputs, auditTargets, inspector, options, where);
    DependencyTable table =
        AuditTables.of(
            result,
            config.root(),
            inputs.stream().map(DependencyInput::source).toList(),
            where.urls().stream().map(u -> u + " (" + where.source() + ")").toList(),
            inspect);
    return report(config, result, table, inputs);
  }

  private AuditResult audit(
      String projectName,
      List<DependencyInput> inputs,
      List<Target> auditTargets,
      Optional<SourceInspector> inspector,
      IndexOptions options,
      IndexLocations.Resolved where) {
    Path work;
    try {
      work = Files.createTempDirectory("ftscout-deps");
    } catch (IOException e) {
      throw new UserError("cannot create a temporary folder: " + e.getMessage(), e);
    }
    try (IndexClient client = new IndexClient(options, Clock.systemUTC())) {
      AuditResult result =
          new DependencyAudit(client, TerminalProgress.forTerminal(terminal, output.quiet))
              .run(
                  new AuditRequest(
                      projectName,
                      inputs,
                      auditTargets,
                      Set.copyOf(extras),
                      false,
                      inspector,
                      work,
                      Set.copyOf(groups)));
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

  private int report(
      Config config, AuditResult result, DependencyTable table, List<DependencyInput> inputs) {
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
    Suppressions.Outcome suppressed =
        new Suppressions(id -> components.registry().find(id).map(r -> r.info().id()))
            .apply(findings, comments(config.root(), inputs, result));
    List<Finding> kept = suppressed.kept();
    if (writeBaseline != null) {
      Path file = terminal.workingDir().resolve(writeBaseline);
      OutputFiles.writeAtomically(file, Baseline.render(kept, components.json()));
      terminal.err().println("Wrote " + kept.size() + " accepted findings to " + writeBaseline);
      return 0;
    }
    List<Finding> reported = kept;
    int baselined = 0;
    if (config.baseline().isPresent()) {
      Baseline.Outcome outcome =
          Baseline.read(config.baseline().get(), components.json()).apply(kept);
      reported = outcome.fresh();
      baselined = outcome.baselined();
    }
    List<RuleInfo> infos = enabled.stream().map(Rule::info).toList();
    Report report =
        new Report(
                Version.current(),
                "deps",
                config.root().toString(),
                reported,
                List.of(),
                List.of(),
                List.of(),
                inputs.size(),
                suppressed.suppressed(),
                baselined,
                Reports.entries(infos, components),
                config.failOn())
            .withDependencies(table);
    Reports.emit(report, output, terminal, components);
    return report.failed() ? 1 : 0;
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

  private List<DependencyInput> readInputs(InputReaders readers, Path start) {
    try {
      List<DependencyInput> inputs = new ArrayList<>();
      for (Path r : requirements) {
        inputs.add(
            readers.read(terminal.workingDir().resolve(r).normalize(), InputFormat.REQUIREMENTS));
      }
      if (lock != null) {
        Path file = terminal.workingDir().resolve(lock).normalize();
        if (InputReaders.formatOf(file).map(f -> !f.locked()).orElse(true)) {
          throw new UserError(
              lock
                  + ": not a lock file ftscout reads (uv.lock, poetry.lock, Pipfile.lock,"
                  + " pylock.toml)");
        }
        inputs.add(readers.read(file));
      }
      if (env != null) {
        Path venv = terminal.workingDir().resolve(env).normalize();
        if (!Files.isDirectory(venv)) {
          throw new UserError(env + ": no such environment folder");
        }
        inputs.add(readers.readEnvironment(venv));
      }
      if (!inputs.isEmpty()) {
        return inputs;
      }
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

  private void checkExtrasAndGroups(List<DependencyInput> inputs) {
    Set<String> declared = new TreeSet<>();
    for (DependencyInput in : inputs) {
      for (DeclaredDependency d : in.dependencies()) {
        d.group().ifPresent(declared::add);
      }
    }
    for (String e : extras) {
      if (!declared.contains("extra:" + e)) {
        throw new UserError(
            "--extra " + e + ": no input declares this extra" + known(declared, "extra:"));
      }
    }
    for (String g : groups) {
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

  private List<Target> targets(DependencySettings settings) {
    List<String> pythons =
        !targets.isEmpty()
            ? targets
            : !settings.targets().isEmpty()
                ? settings.targets()
                : List.of(ConfigSchema.DEFAULT_DEPENDENCY_TARGET);
    List<String> plats =
        !platforms.isEmpty()
            ? platforms
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
  private Optional<Path> python() {
    if (env != null) {
      Path venv = terminal.workingDir().resolve(env).normalize();
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

  private static Path parentOf(Path file) {
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

  /** Config, rule selection and the fail threshold: the report flags that dependency runs take. */
  public static final class ReportRuleOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Read config from FILE.")
    @Nullable Path configFile;

    @Option(
        names = "--select",
        split = ",",
        paramLabel = "RULE",
        description = "Enable only these rules (ids, prefixes or names); replaces config.")
    @Nullable List<String> select;

    @Option(
        names = "--ignore",
        split = ",",
        paramLabel = "RULE",
        description = "Disable these rules; extends config.")
    List<String> ignore = new ArrayList<>();

    @Option(
        names = "--fail-on",
        paramLabel = "LEVEL",
        description = "Lowest severity that fails the run: error, warning, info, never.")
    @Nullable String failOn;

    @Option(
        names = "--baseline",
        paramLabel = "FILE",
        description = "Accept the findings recorded in FILE (see --write-baseline).")
    @Nullable Path baseline;

    Config config(ConfigLoader loader, Terminal terminal, Path start) {
      Optional<Path> explicit =
          Optional.ofNullable(configFile).map(p -> terminal.workingDir().resolve(p));
      Config base = loader.load(start, explicit);
      Optional<FailOn> fail =
          Optional.ofNullable(failOn)
              .map(f ->
                  FailOn.parse(f)
                      .orElseThrow(() ->
                          new UserError(
                              "--fail-on: expected error, warning, info or never, got '"
                                  + f
                                  + "'")));
      return base.with(
          new CliOverrides(
              Optional.ofNullable(select),
              ignore,
              List.of(),
              fail,
              Optional.empty(),
              Optional.ofNullable(baseline).map(p -> terminal.workingDir().resolve(p))));
    }
  }
}
