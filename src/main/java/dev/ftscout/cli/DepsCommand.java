package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.Finding;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.UserError;
import dev.ftscout.model.Version;
import dev.ftscout.report.Report;
import dev.ftscout.rules.Rule;
import dev.ftscout.rules.deps.DependencyRule;
import dev.ftscout.scan.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
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
      defaultValue = "" + DependencyRun.DEFAULT_JOBS,
      description = "Index requests at the same time (default: ${DEFAULT-VALUE}).")
  int jobs = DependencyRun.DEFAULT_JOBS;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Record every current finding in FILE as accepted, and exit 0.")
  @Nullable Path writeBaseline;

  @Mixin AuditOptions audit = new AuditOptions();
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
    Path cwd = terminal.workingDir();
    Path start = cwd.resolve(path == null ? Path.of(".") : path).normalize();
    if (!Files.exists(start)) {
      throw new UserError(path + ": no such file or folder");
    }
    Path projectDir = Files.isDirectory(start) ? start : DependencyRun.parentOf(start);
    Config config = rules.config(components.configLoader(), terminal, projectDir);
    DependencyRun.Request request =
        new DependencyRun.Request(
            start,
            requirements.stream().map(r -> cwd.resolve(r).normalize()).toList(),
            Optional.ofNullable(lock).map(l -> cwd.resolve(l).normalize()),
            Optional.ofNullable(env).map(e -> cwd.resolve(e).normalize()),
            audit.targets,
            audit.platforms,
            Optional.ofNullable(audit.indexUrl),
            extraIndexUrls,
            findLinks.stream().map(d -> cwd.resolve(d).normalize()).toList(),
            audit.offline,
            inspectSources,
            Set.copyOf(extras),
            Set.copyOf(groups),
            jobs,
            output.verbose);
    DependencyRun.Outcome outcome =
        new DependencyRun(terminal, components)
            .run(config, request, TerminalProgress.forTerminal(terminal, output.quiet));
    return report(config, outcome);
  }

  private int report(Config config, DependencyRun.Outcome outcome) {
    List<Finding> kept = outcome.findings();
    if (writeBaseline != null) {
      Path file = terminal.workingDir().resolve(writeBaseline);
      OutputFiles.writeAtomically(file, Baseline.render(kept, components.json()));
      terminal.err().println("Wrote " + kept.size() + " accepted findings to " + writeBaseline);
      return 0;
    }
    List<Finding> reported = kept;
    int baselined = 0;
    if (config.baseline().isPresent()) {
      Baseline.Outcome baseline =
          Baseline.read(config.baseline().get(), components.json()).apply(kept);
      reported = baseline.fresh();
      baselined = baseline.baselined();
    }
    List<RuleInfo> infos =
        components.registry().ofType(DependencyRule.class).stream()
            .filter(r -> config.rules().enabled(r.info().id(), r.info().name()))
            .map(Rule::info)
            .toList();
    Report report =
        new Report(
                Version.current(),
                "deps",
                config.root().toString(),
                reported,
                List.of(),
                List.of(),
                List.of(),
                outcome.inputs().size(),
                outcome.suppressed(),
                baselined,
                Reports.entries(infos, components),
                config.failOn(),
                ConcurrencyFacts.none())
            .withDependencies(outcome.table());
    Reports.emit(report, output, terminal, components);
    return report.failed() ? 1 : 0;
  }
}
