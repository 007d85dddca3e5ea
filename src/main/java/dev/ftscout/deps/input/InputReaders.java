package dev.ftscout.deps.input;

import dev.ftscout.deps.DepsInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads dependency inputs: detects them in a project folder and reads each format. The environment
 * map is used to expand {@code ${VAR}} in requirements files (pass {@code System.getenv()} in
 * production).
 */
public final class InputReaders {
  private final Map<String, String> environment;

  public InputReaders(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The format of a file, from its name; empty when it is not an input ftscout reads. */
  public static Optional<InputFormat> formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("uv.lock")) {
      return Optional.of(InputFormat.UV_LOCK);
    }
    if (lower.equals("poetry.lock")) {
      return Optional.of(InputFormat.POETRY_LOCK);
    }
    if (lower.equals("pipfile.lock")) {
      return Optional.of(InputFormat.PIPFILE_LOCK);
    }
    if (lower.matches("pylock(\\.[^.]+)?\\.toml")) {
      return Optional.of(InputFormat.PYLOCK);
    }
    if (lower.equals("pyproject.toml")) {
      return Optional.of(InputFormat.PYPROJECT);
    }
    if (lower.matches("environment(\\.[^.]+)?\\.ya?ml")) {
      return Optional.of(InputFormat.CONDA_ENVIRONMENT);
    }
    if ((lower.endsWith(".txt") && lower.contains("requirements")) || lower.endsWith(".in")) {
      return Optional.of(InputFormat.REQUIREMENTS);
    }
    return Optional.empty();
  }

  /**
   * The inputs to audit in a project folder: a lock file when there is one (exact versions), with
   * {@code pyproject.toml} beside it for the direct dependencies; otherwise pyproject, requirements
   * files and conda environment files.
   */
  public List<Path> detect(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new DepsInputException(dir, 0, 0, "cannot list folder: " + e.getMessage());
    }
    List<Path> locks = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path f : files) {
      Optional<InputFormat> fmt = formatOf(f);
      if (fmt.isEmpty()) {
        continue;
      }
      (fmt.get().locked() ? locks : others).add(f);
    }
    if (!locks.isEmpty()) {
      List<Path> out = new ArrayList<>();
      out.add(locks.get(0));
      others.stream()
          .filter(f -> formatOf(f).orElseThrow() == InputFormat.PYPROJECT)
          .forEach(out::add);
      return out;
    }
    return others;
  }

  /** Reads one input file, its format known from its name. */
  public DependencyInput read(Path file) {
    InputFormat fmt =
        formatOf(file)
            .orElseThrow(
                () -> new DepsInputException(file, 0, 0, "not a dependency file ftscout reads"));
    return read(file, fmt);
  }

  /** Reads one input file in the given format. */
  public DependencyInput read(Path file, InputFormat format) {
    if (!Files.exists(file)) {
      throw new DepsInputException(file, 0, 0, "no such file");
    }
    return switch (format) {
      case REQUIREMENTS -> new RequirementsTxtReader(environment).read(file);
      case PYPROJECT -> new PyprojectReader().read(file);
      case UV_LOCK -> LockReaders.uvLock(file);
      case POETRY_LOCK -> LockReaders.poetryLock(file);
      case PIPFILE_LOCK -> LockReaders.pipfileLock(file);
      case PYLOCK -> LockReaders.pylock(file);
      case CONDA_ENVIRONMENT -> new CondaEnvironmentReader().read(file, environment);
      case INSTALLED_ENVIRONMENT -> new InstalledEnvironmentReader().read(file);
    };
  }

  /**
   * The project's name as its {@code pyproject.toml} in {@code dir} gives it ({@code [project]
   * name}, else Poetry's), for the root of blocker chains; empty when there is none.
   */
  public static Optional<String> projectName(Path dir) {
    Path pyproject = dir.resolve("pyproject.toml");
    if (!Files.isRegularFile(pyproject)) {
      return Optional.empty();
    }
    var root = TextFile.read(pyproject).toml();
    for (var name :
        List.of(root.path("project").path("name"), root.path("tool").path("poetry").path("name"))) {
      if (name.isTextual() && !name.asText().isBlank()) {
        return Optional.of(name.asText().strip());
      }
    }
    return Optional.empty();
  }

  /** Reads an installed environment: a venv folder or a site-packages folder. */
  public DependencyInput readEnvironment(Path venvOrSitePackages) {
    return new InstalledEnvironmentReader().read(venvOrSitePackages);
  }
}
