package dev.ftscout.deps.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the index URLs the way the user's own tools would, first match wins for the default index
 * and extra indexes add up: the command line, {@code [tool.ftscout]}, uv's settings ({@code
 * UV_DEFAULT_INDEX}, {@code UV_INDEX}, {@code [tool.uv.index]}, {@code uv.toml}), pip's ({@code
 * PIP_INDEX_URL}, {@code PIP_EXTRA_INDEX_URL}, {@code pip.conf} files), and finally the default
 * that the selected interpreter's pip reports. No index location is built in.
 */
public final class IndexLocations {
  private final Map<String, String> env;
  private final Path home;
  private final PipDefaultIndex pip;

  /**
   * Asks an interpreter's pip for its built-in default index. The command line implements it with
   * its one subprocess runner; this package starts no processes.
   */
  @FunctionalInterface
  public interface PipDefaultIndex {
    /** The simple-API URL pip of {@code python} uses when nothing is configured, if it says. */
    Optional<String> ask(Path python);

    /** The Python statement that prints pip's default index URL. */
    String SCRIPT = "from pip._internal.models.index import PyPI; print(PyPI.simple_url)";
  }

  /** What was found, and where from (for {@code --verbose}). */
  public record Resolved(List<String> urls, String source) {
    public Resolved {
      urls = List.copyOf(urls);
    }
  }

  /**
   * @param env the environment variables to read ({@code UV_*}, {@code PIP_*}, {@code
   *     XDG_CONFIG_HOME}, {@code VIRTUAL_ENV})
   * @param home the user's home folder, for pip's and uv's user config files
   * @param pip asks an interpreter's pip for its default when nothing else names an index
   */
  public IndexLocations(Map<String, String> env, Path home, PipDefaultIndex pip) {
    this.env = Map.copyOf(env);
    this.home = home;
    this.pip = pip;
  }

  /**
   * Resolves the indexes with a default index and extra indexes named by ftscout's own flags or
   * config. A named default index replaces everything below it; extra indexes alone add to the
   * default the user's tools would pick.
   */
  public Resolved resolve(
      Optional<String> defaultIndex,
      List<String> extraIndexes,
      List<String> projectIndexes,
      Optional<Path> python) {
    if (defaultIndex.isPresent()) {
      return new Resolved(
          concat(defaultIndex.get(), extraIndexes), "command line / [tool.ftscout]");
    }
    Resolved below = resolve(List.of(), projectIndexes, python);
    if (extraIndexes.isEmpty()) {
      return below;
    }
    return new Resolved(
        concat(below.urls(), extraIndexes), below.source() + " + command line / [tool.ftscout]");
  }

  /**
   * Resolves the indexes. {@code explicit} are URLs from flags or ftscout's own config (first is
   * the default index); {@code projectIndexes} are those the project's files name ({@code
   * [tool.uv.index]}, {@code -i} in requirements); {@code python} is asked for pip's default when
   * nothing else names one.
   */
  public Resolved resolve(
      List<String> explicit, List<String> projectIndexes, Optional<Path> python) {
    if (!explicit.isEmpty()) {
      return new Resolved(explicit, "command line / [tool.ftscout]");
    }
    List<String> extras = new ArrayList<>();
    String uvDefault = env.get("UV_DEFAULT_INDEX");
    if (uvDefault == null) {
      uvDefault = env.get("UV_INDEX_URL");
    }
    for (String key : List.of("UV_INDEX", "UV_EXTRA_INDEX_URL")) {
      String v = env.get(key);
      if (v != null) {
        for (String u : v.trim().split("\\s+")) {
          extras.add(u.contains("=") && !u.contains("://=") ? u.substring(u.indexOf('=') + 1) : u);
        }
      }
    }
    if (uvDefault != null) {
      return new Resolved(concat(uvDefault, extras), "UV_DEFAULT_INDEX");
    }
    if (!projectIndexes.isEmpty()) {
      return new Resolved(
          concat(
              projectIndexes.get(0),
              concat(projectIndexes.subList(1, projectIndexes.size()), extras)),
          "project files");
    }
    Optional<String> uvToml = uvToml();
    if (uvToml.isPresent()) {
      return new Resolved(concat(uvToml.get(), extras), "uv.toml");
    }
    String pipIndex = env.get("PIP_INDEX_URL");
    String pipExtra = env.get("PIP_EXTRA_INDEX_URL");
    if (pipExtra != null) {
      extras.addAll(List.of(pipExtra.trim().split("\\s+")));
    }
    if (pipIndex != null) {
      return new Resolved(concat(pipIndex, extras), "PIP_INDEX_URL");
    }
    for (Path conf : pipConfigFiles()) {
      Optional<String> idx = iniValue(conf, "index-url");
      iniValue(conf, "extra-index-url")
          .ifPresent(v -> extras.addAll(List.of(v.trim().split("\\s+"))));
      if (idx.isPresent()) {
        return new Resolved(concat(idx.get(), extras), conf.toString());
      }
    }
    if (python.isPresent()) {
      Optional<String> pipDefault = pip.ask(python.get());
      if (pipDefault.isPresent()) {
        return new Resolved(concat(pipDefault.get(), extras), "pip default of " + python.get());
      }
    }
    return new Resolved(extras, "none found");
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    rest.stream().filter(u -> !out.contains(u)).forEach(out::add);
    return out;
  }

  private static List<String> concat(List<String> firsts, List<String> rest) {
    List<String> out = new ArrayList<>(firsts);
    rest.stream().filter(u -> !out.contains(u)).forEach(out::add);
    return out;
  }

  private Optional<String> uvToml() {
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", home.resolve(".config").toString());
    for (Path p : List.of(Path.of(xdg, "uv", "uv.toml"), Path.of("/etc/uv/uv.toml"))) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      try {
        JsonNode root = new TomlMapper().readTree(p.toFile());
        JsonNode idx = root.path("index");
        for (JsonNode i : idx.isArray() ? idx : List.of(idx)) {
          if (i.path("url").isTextual()) {
            return Optional.of(i.path("url").asText());
          }
        }
        if (root.path("index-url").isTextual()) {
          return Optional.of(root.path("index-url").asText());
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** pip's files, most specific first: PIP_CONFIG_FILE, virtualenv, user, global. */
  List<Path> pipConfigFiles() {
    List<Path> out = new ArrayList<>();
    String explicit = env.get("PIP_CONFIG_FILE");
    if (explicit != null && !explicit.equals("os.devnull")) {
      out.add(Path.of(explicit));
    }
    String venv = env.get("VIRTUAL_ENV");
    if (venv != null) {
      out.add(Path.of(venv, "pip.conf"));
    }
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", home.resolve(".config").toString());
    out.add(Path.of(xdg, "pip", "pip.conf"));
    out.add(home.resolve(".pip").resolve("pip.conf"));
    out.add(Path.of("/etc/xdg/pip/pip.conf"));
    out.add(Path.of("/etc/pip.conf"));
    return out.stream().filter(Files::isRegularFile).toList();
  }

  /** A key from the {@code [global]} or {@code [install]} section of an INI file. */
  static Optional<String> iniValue(Path file, String key) {
    try {
      String section = "";
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.startsWith("[") && l.endsWith("]")) {
          section = l.substring(1, l.length() - 1).strip();
          continue;
        }
        if (!(section.equals("global")
            || section.equals("install")
            || section.equals("download"))) {
          continue;
        }
        int eq = l.indexOf('=');
        if (eq > 0 && l.substring(0, eq).strip().equals(key)) {
          return Optional.of(l.substring(eq + 1).strip());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
