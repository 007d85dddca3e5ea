package dev.ftscout.cli;

import dev.ftscout.config.Config;
import dev.ftscout.model.RuntimeEvidence;
import dev.ftscout.model.UserError;
import dev.ftscout.report.Report;
import dev.ftscout.rules.runtime.ProbeFacts;
import dev.ftscout.rules.runtime.ProbeRule;
import dev.ftscout.runtime.discovery.InterpreterDiscovery;
import dev.ftscout.runtime.probe.Probe;
import dev.ftscout.runtime.probe.ProbeException;
import dev.ftscout.runtime.probe.ProbeRequest;
import dev.ftscout.runtime.probe.ProbeResult;
import dev.ftscout.runtime.render.RuntimeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ftscout probe}: import an environment's modules and see which re-enable the GIL. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Import every installed top-level module (and extension module) of an environment in a"
          + " free-threaded interpreter and report which turn the GIL back on, fail to import or"
          + " crash, with the distribution and version that installed them. Runs the"
          + " environment's code, in subprocesses with timeouts."
    },
    footer = {
      "",
      "Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage error, or no"
          + " free-threaded interpreter (see `ftscout doctor`); 3 internal error."
    })
public final class ProbeCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final Components components;

  @Parameters(
      paramLabel = "MODULE",
      arity = "0..*",
      description = "Modules to import (default: every module of the environment).")
  List<String> modules = new ArrayList<>();

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description =
          "The free-threaded interpreter (path or name on PATH; default: --env's own, else the one"
              + " doctor recommends).")
  @Nullable Path python;

  @Option(
      names = "--env",
      paramLabel = "VENV",
      description = "The virtual environment whose modules to import.")
  @Nullable Path env;

  @Option(
      names = "--allow-gil-build",
      description = "On a GIL build, run a dry run that only tests importability.")
  boolean allowGilBuild;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Per-import timeout in seconds (default: ${DEFAULT-VALUE}).")
  int timeout = 30;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      defaultValue = "1",
      description = "Worker processes at the same time (default: ${DEFAULT-VALUE}).")
  int jobs = 1;

  @Option(
      names = "--no-extension-modules",
      description = "Import only top-level modules, not each extension module directly.")
  boolean noExtensions;

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin RuleOptions rules = new RuleOptions();

  public ProbeCommand(Terminal terminal, Components components) {
    this.terminal = terminal;
    this.components = components;
  }

  @Override
  public Integer call() {
    if (timeout < 1) {
      throw new UserError("--timeout: expected a positive number of seconds, got " + timeout);
    }
    if (jobs < 1) {
      throw new UserError("--jobs: expected at least 1, got " + jobs);
    }
    Config config = rules.config(components.configLoader(), terminal, terminal.workingDir());
    ProbeRequest request =
        ProbeRequest.defaults()
            .withModules(modules)
            .withExtensionModules(!noExtensions)
            .withAllowGilBuild(allowGilBuild)
            .withImportTimeout(Duration.ofSeconds(timeout))
            .withJobs(jobs);
    if (python != null) {
      request = request.withPython(resolve(python));
    }
    if (env != null) {
      Path venv = terminal.workingDir().resolve(env).normalize();
      if (!Files.isDirectory(venv)) {
        throw new UserError(env + ": no such environment folder");
      }
      request = request.withEnvironment(venv);
    }
    InterpreterDiscovery discovery =
        new InterpreterDiscovery(
            components.runner(), RuntimeReports.roots(terminal), terminal.workingDir());
    ProbeResult result;
    try {
      result = new Probe(components.runner(), discovery, terminal.env()).run(request);
    } catch (ProbeException e) {
      terminal.err().print("ftscout: " + new RuntimeText().probeError(e));
      if (e.reason() == ProbeException.Reason.GIL_BUILD) {
        terminal.err().println("  - or rerun with --allow-gil-build for the importability dry run");
      }
      terminal.err().flush();
      return Cli.USAGE;
    }
    ProbeFacts facts = new ProbeFacts(result, config.root());
    Report report =
        RuntimeReports.report(
            "probe",
            config,
            components,
            ProbeRule.class,
            r -> r.check(facts),
            RuntimeEvidence.of(result.toEvidence()));
    Reports.emit(report, output, terminal, components);
    return report.failed() ? 1 : 0;
  }

  /** A path relative to the working folder, or a bare name left for PATH lookup. */
  private Path resolve(Path p) {
    return p.getNameCount() == 1 && !p.isAbsolute() && !p.toString().startsWith(".")
        ? p
        : terminal.workingDir().resolve(p).normalize();
  }
}
