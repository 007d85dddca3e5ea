package dev.ftscout.runtime.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to probe.
 *
 * @param python the interpreter ({@code --python}); when empty, the environment's own interpreter,
 *     else the free-threaded interpreter doctor recommends
 * @param environment a virtual environment whose modules to probe ({@code --env})
 * @param modules modules to import; empty means every top-level module of the environment
 * @param includeExtensionModules with {@code modules} empty, also import each extension module
 *     directly (covers packages that load their extensions lazily)
 * @param allowGilBuild run on a GIL build as a dry run that only tests importability
 * @param importTimeout per-import timeout; the worker is killed and replaced after it
 * @param jobs worker processes running at the same time
 */
public record ProbeRequest(
    Optional<Path> python,
    Optional<Path> environment,
    List<String> modules,
    boolean includeExtensionModules,
    boolean allowGilBuild,
    Duration importTimeout,
    int jobs) {

  public ProbeRequest {
    modules = List.copyOf(modules);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
    }
  }

  /** Every module of the default environment, extension modules included, 30 s per import. */
  public static ProbeRequest defaults() {
    return new ProbeRequest(
        Optional.empty(), Optional.empty(), List.of(), true, false, Duration.ofSeconds(30), 1);
  }

  public ProbeRequest withPython(Path p) {
    return new ProbeRequest(
        Optional.of(p),
        environment,
        modules,
        includeExtensionModules,
        allowGilBuild,
        importTimeout,
        jobs);
  }

  public ProbeRequest withEnvironment(Path env) {
    return new ProbeRequest(
        python,
        Optional.of(env),
        modules,
        includeExtensionModules,
        allowGilBuild,
        importTimeout,
        jobs);
  }

  public ProbeRequest withModules(List<String> names) {
    return new ProbeRequest(
        python, environment, names, includeExtensionModules, allowGilBuild, importTimeout, jobs);
  }

  public ProbeRequest withExtensionModules(boolean include) {
    return new ProbeRequest(
        python, environment, modules, include, allowGilBuild, importTimeout, jobs);
  }

  public ProbeRequest withAllowGilBuild(boolean allow) {
    return new ProbeRequest(
        python, environment, modules, includeExtensionModules, allow, importTimeout, jobs);
  }

  public ProbeRequest withImportTimeout(Duration timeout) {
    return new ProbeRequest(
        python, environment, modules, includeExtensionModules, allowGilBuild, timeout, jobs);
  }

  public ProbeRequest withJobs(int n) {
    return new ProbeRequest(
        python, environment, modules, includeExtensionModules, allowGilBuild, importTimeout, n);
  }
}
