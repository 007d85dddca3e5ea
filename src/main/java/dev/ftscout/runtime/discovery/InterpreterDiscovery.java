package dev.ftscout.runtime.discovery;

import dev.ftscout.runtime.discovery.Origin.Kind;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Python interpreters a user has, the way they have them: {@code FTSCOUT_FT_PYTHON}, the
 * active venv ({@code VIRTUAL_ENV}) and conda env ({@code CONDA_PREFIX}), {@code python3}, {@code
 * python3.X} and {@code python3.Xt} on PATH, pyenv versions, uv-managed installations, conda
 * environments ({@code conda info --envs}, {@code ~/.conda/environments.txt}) and, on Windows, the
 * {@code py} launcher's list. Each candidate is run once to describe itself; duplicates (the same
 * binary in the same environment) are merged and keep every origin.
 */
public final class InterpreterDiscovery {
  private static final Pattern POSIX_NAME = Pattern.compile("python3(\\.\\d+t?)?");
  private static final Pattern WINDOWS_NAME = Pattern.compile("python(3(\\.\\d+t?)?)?\\.exe");
  private static final Pattern WINDOWS_PATH = Pattern.compile("[A-Za-z]:\\\\.*");
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

  private final ProcessRunner runner;
  private final DiscoveryRoots roots;
  private final InterpreterInspector inspector;
  private final Path workingDirectory;

  public InterpreterDiscovery(ProcessRunner runner, DiscoveryRoots roots, Path workingDirectory) {
    this.runner = runner;
    this.roots = roots;
    this.workingDirectory = workingDirectory;
    this.inspector = new InterpreterInspector(runner, roots.environment(), workingDirectory);
  }

  /** Every distinct usable interpreter, in search order. */
  public List<Interpreter> find() {
    return discover().interpreters();
  }

  /** The free-threaded interpreters among {@link #find()}; {@code FTSCOUT_FT_PYTHON} first. */
  public List<Interpreter> findFreeThreaded() {
    return find().stream().filter(Interpreter::freeThreadedBuild).toList();
  }

  /** Describes one interpreter named by the caller (e.g. {@code --python}). */
  public Interpreter inspect(Path python) throws InterpreterException {
    Path resolved = resolveCommand(python.toString()).orElse(python);
    return inspector.inspect(resolved, new Origin(Kind.GIVEN, python.toString()));
  }

  /** Interpreters and the candidates that failed. */
  public Discovery discover() {
    Map<String, Interpreter> byKey = new LinkedHashMap<>();
    Map<String, List<Origin>> origins = new LinkedHashMap<>();
    List<DiscoveryProblem> problems = new ArrayList<>();
    for (Candidate c : candidates()) {
      String key = identity(c.path());
      if (byKey.containsKey(key)) {
        List<Origin> list = origins.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(c.origin())) {
          list.add(c.origin());
        }
        continue;
      }
      if (problems.stream().anyMatch(p -> identity(p.path()).equals(key))) {
        continue;
      }
      try {
        byKey.put(key, inspector.inspect(c.path(), c.origin()));
        origins.computeIfAbsent(key, k -> new ArrayList<>()).add(c.origin());
      } catch (InterpreterException e) {
        problems.add(new DiscoveryProblem(c.path(), c.origin(), String.valueOf(e.getMessage())));
      }
    }
    List<Interpreter> found = new ArrayList<>();
    byKey.forEach((key, interpreter) ->
        found.add(interpreter.withOrigins(origins.getOrDefault(key, List.of()))));
    return new Discovery(found, problems);
  }

  /** Every candidate executable, in search order, before any is run. */
  public List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    roots
        .env(DiscoveryRoots.FT_PYTHON_VARIABLE)
        .ifPresent(p ->
            out.add(
                new Candidate(
                    resolveCommand(p).orElse(Path.of(p)),
                    new Origin(Kind.EXPLICIT, DiscoveryRoots.FT_PYTHON_VARIABLE + "=" + p))));
    roots
        .env("VIRTUAL_ENV")
        .ifPresent(v -> {
          Path venv = Path.of(v);
          Path py =
              roots.windows()
                  ? venv.resolve("Scripts").resolve("python.exe")
                  : venv.resolve("bin").resolve("python");
          if (Files.isExecutable(py)) {
            out.add(new Candidate(py, new Origin(Kind.VIRTUAL_ENV, v)));
          }
        });
    roots
        .env("CONDA_PREFIX")
        .ifPresent(p -> addEnvironmentPythons(Path.of(p), new Origin(Kind.CONDA_PREFIX, p), out));
    pathCandidates(out);
    pyenvCandidates(out);
    uvCandidates(out);
    condaCandidates(out);
    if (roots.windows()) {
      pyLauncherCandidates(out);
    }
    return out;
  }

  private void pathCandidates(List<Candidate> out) {
    Optional<Path> shims = pyenvRoot().map(r -> r.resolve("shims"));
    for (String dir : roots.env("PATH").orElse("").split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path d = Path.of(dir);
      // pyenv's shims re-dispatch to a version we already scan directly, at a cost of ~100 ms each.
      if (shims.isPresent() && d.equals(shims.get())) {
        continue;
      }
      for (Path exe : matchingExecutables(d)) {
        out.add(new Candidate(exe, new Origin(Kind.PATH, dir)));
      }
    }
  }

  private Optional<Path> pyenvRoot() {
    if (roots.windows()) {
      return Optional.of(
          roots.env("PYENV_ROOT").map(Path::of).orElse(roots.home().resolve(".pyenv/pyenv-win")));
    }
    return Optional.of(
        roots.env("PYENV_ROOT").map(Path::of).orElse(roots.home().resolve(".pyenv")));
  }

  private void pyenvCandidates(List<Candidate> out) {
    Path versions = pyenvRoot().orElseThrow().resolve("versions");
    for (Path version : children(versions)) {
      Origin origin = new Origin(Kind.PYENV, version.toString());
      addEnvironmentPythons(version, origin, out);
    }
  }

  private void uvCandidates(List<Candidate> out) {
    Path dir =
        roots
            .env("UV_PYTHON_INSTALL_DIR")
            .map(Path::of)
            .orElseGet(() -> {
              if (roots.windows()) {
                return roots
                    .env("APPDATA")
                    .map(a -> Path.of(a, "uv", "data", "python"))
                    .orElse(roots.home().resolve("AppData/Roaming/uv/data/python"));
              }
              return roots
                  .env("XDG_DATA_HOME")
                  .map(x -> Path.of(x, "uv", "python"))
                  .orElse(roots.home().resolve(".local/share/uv/python"));
            });
    for (Path install : children(dir)) {
      addEnvironmentPythons(install, new Origin(Kind.UV, install.toString()), out);
    }
  }

  private void condaCandidates(List<Candidate> out) {
    List<String> prefixes = new ArrayList<>();
    Optional<Path> conda =
        roots.env("CONDA_EXE").map(Path::of).filter(Files::isExecutable).or(() -> onPath("conda"));
    if (conda.isPresent()) {
      try {
        ProcessResult r =
            runner.run(
                ProcessSpec.of(
                        List.of(conda.get().toString(), "info", "--envs"),
                        roots.environment(),
                        workingDirectory)
                    .withTimeout(TOOL_TIMEOUT));
        if (r.succeeded()) {
          prefixes.addAll(parseCondaEnvs(r.stdout()));
        }
      } catch (IOException e) {
        // conda that cannot run lists nothing; the environments file below may still help.
      }
    }
    Path listed = roots.home().resolve(".conda").resolve("environments.txt");
    if (Files.isRegularFile(listed)) {
      try {
        Files.readAllLines(listed, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(prefixes::add);
      } catch (IOException e) {
        // An unreadable list is no list.
      }
    }
    for (String p : prefixes.stream().distinct().toList()) {
      addEnvironmentPythons(Path.of(p), new Origin(Kind.CONDA, p), out);
    }
  }

  /** Environment prefixes in the output of {@code conda info --envs}. */
  static List<String> parseCondaEnvs(String output) {
    List<String> prefixes = new ArrayList<>();
    for (String line : output.lines().toList()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      // "name  *  /path/to/env" or "/path/to/env"; a path may contain spaces, a name may not.
      int slash = Math.max(l.indexOf('/'), indexOfDrive(l));
      if (slash >= 0) {
        prefixes.add(l.substring(slash).strip());
      }
    }
    return prefixes;
  }

  private static int indexOfDrive(String l) {
    Matcher m = Pattern.compile("[A-Za-z]:\\\\").matcher(l);
    return m.find() ? m.start() : -1;
  }

  private void pyLauncherCandidates(List<Candidate> out) {
    Optional<Path> py = onPath("py.exe").or(() -> onPath("py"));
    if (py.isEmpty()) {
      return;
    }
    try {
      ProcessResult r =
          runner.run(
              ProcessSpec.of(
                      List.of(py.get().toString(), "--list-paths"),
                      roots.environment(),
                      workingDirectory)
                  .withTimeout(TOOL_TIMEOUT));
      if (r.succeeded()) {
        for (String p : parsePyLauncher(r.stdout())) {
          out.add(new Candidate(Path.of(p), new Origin(Kind.PY_LAUNCHER, "py --list-paths")));
        }
      }
    } catch (IOException e) {
      // A launcher that cannot run lists nothing.
    }
  }

  /**
   * Executable paths in the output of {@code py --list-paths}: lines like {@code -V:3.13t *
   * C:\Python313\python3.13t.exe} (and {@code -3.11-64 * C:\...} from older launchers).
   */
  static List<String> parsePyLauncher(String output) {
    List<String> paths = new ArrayList<>();
    for (String line : output.lines().toList()) {
      Matcher m = WINDOWS_PATH.matcher(line);
      for (int i = 0; i < line.length(); i++) {
        if (m.find(i)) {
          paths.add(m.group().strip());
          break;
        }
      }
    }
    return paths;
  }

  /** {@code python3*} executables of an installation or environment prefix. */
  private void addEnvironmentPythons(Path prefix, Origin origin, List<Candidate> out) {
    if (roots.windows()) {
      for (Path exe : matchingExecutables(prefix)) {
        out.add(new Candidate(exe, origin));
      }
      return;
    }
    for (Path exe : matchingExecutables(prefix.resolve("bin"))) {
      out.add(new Candidate(exe, origin));
    }
  }

  private List<Path> matchingExecutables(Path dir) {
    Pattern names = roots.windows() ? WINDOWS_NAME : POSIX_NAME;
    return children(dir).stream()
        .filter(p -> names.matcher(p.getFileName().toString()).matches())
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .toList();
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private Optional<Path> onPath(String name) {
    for (String dir : roots.env("PATH").orElse("").split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** A bare command name looked up on PATH; anything with a separator is a path already. */
  private Optional<Path> resolveCommand(String command) {
    if (command.contains("/") || command.contains("\\")) {
      return Optional.empty();
    }
    return onPath(command).or(() -> roots.windows() ? onPath(command + ".exe") : Optional.empty());
  }

  /**
   * The same binary in the same environment is one interpreter. A venv's {@code bin/python}
   * resolves to its base interpreter's binary, but it is a different environment, so the key
   * includes the folder holding {@code pyvenv.cfg} when there is one.
   */
  private static String identity(Path exe) {
    Path real;
    try {
      real = exe.toRealPath();
    } catch (IOException e) {
      real = exe.toAbsolutePath().normalize();
    }
    Path parent = exe.toAbsolutePath().getParent();
    Path env = parent == null ? null : parent.getParent();
    if (env != null && Files.isRegularFile(env.resolve("pyvenv.cfg"))) {
      return real + "|" + env.normalize();
    }
    return real.toString();
  }
}
