package dev.ftscout.deps.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ftscout.deps.DepsInputException;
import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.InvalidRequirementException;
import dev.ftscout.deps.pep508.Marker;
import dev.ftscout.deps.pep508.Names;
import dev.ftscout.deps.pep508.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Readers for lock files: {@code uv.lock}, {@code poetry.lock}, {@code pylock.toml}, {@code
 * Pipfile.lock}.
 */
final class LockReaders {
  private LockReaders() {}

  private static Version version(TextFile file, SourceLocation at, String text) {
    return Version.tryParse(text)
        .orElseThrow(() ->
            new DepsInputException(
                file.path(), at.line(), at.column(), "not a PEP 440 version: '" + text + "'"));
  }

  private static Optional<Marker> marker(TextFile file, SourceLocation at, String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Requirement.parse("x; " + text).marker();
    } catch (InvalidRequirementException e) {
      throw new DepsInputException(
          file.path(), at.line(), at.column(), "invalid marker '" + text + "'");
    }
  }

  /** uv's lock file: {@code [[package]]} with {@code source}, {@code dependencies}, wheels. */
  static DependencyInput uvLock(Path path) {
    TextFile file = TextFile.read(path);
    JsonNode root = file.toml();
    List<DeclaredDependency> deps = new ArrayList<>();
    Set<String> roots = new LinkedHashSet<>();
    List<String> indexes = new ArrayList<>();
    int from = 0;
    for (JsonNode pkg : root.path("package")) {
      String name = pkg.path("name").asText();
      int offset = file.offsetOf("name = \"" + name + "\"", from);
      from = Math.max(from, offset);
      SourceLocation at = offset < 0 ? file.locate(name, 0) : file.at(offset);
      JsonNode source = pkg.path("source");
      List<String> edges = new ArrayList<>();
      pkg.path("dependencies").forEach(d -> edges.add(Names.canonicalize(d.path("name").asText())));
      if (source.has("editable") || source.has("virtual")) {
        roots.addAll(edges);
        continue;
      }
      if (source.has("registry") && !indexes.contains(source.path("registry").asText())) {
        indexes.add(source.path("registry").asText());
      }
      DependencyKind kind = DependencyKind.INDEX;
      if (source.has("git")) {
        kind = DependencyKind.VCS;
      } else if (source.has("url")) {
        kind = DependencyKind.URL;
      } else if (source.has("path") || source.has("directory")) {
        kind = DependencyKind.LOCAL_PATH;
      }
      Optional<Version> pinned =
          pkg.has("version")
              ? Optional.of(version(file, at, pkg.path("version").asText()))
              : Optional.empty();
      deps.add(
          new DeclaredDependency(
              name,
              pinned.map(v -> SpecifierSet.parse("==" + v)).orElse(SpecifierSet.any()),
              Set.of(),
              Optional.empty(),
              pinned,
              kind,
              name + " " + pkg.path("version").asText(),
              at,
              Optional.empty(),
              edges));
    }
    return new DependencyInput(
        path,
        InputFormat.UV_LOCK,
        deps,
        List.copyOf(roots),
        List.of(),
        indexes,
        Map.of(),
        List.of());
  }

  /** Poetry's lock file: {@code [[package]]} with {@code [package.dependencies]}. */
  static DependencyInput poetryLock(Path path) {
    TextFile file = TextFile.read(path);
    JsonNode root = file.toml();
    List<DeclaredDependency> deps = new ArrayList<>();
    int from = 0;
    for (JsonNode pkg : root.path("package")) {
      String name = pkg.path("name").asText();
      int offset = file.offsetOf("name = \"" + name + "\"", from);
      from = Math.max(from, offset);
      SourceLocation at = offset < 0 ? file.locate(name, 0) : file.at(offset);
      Version v = version(file, at, pkg.path("version").asText());
      List<String> edges = new ArrayList<>();
      pkg.path("dependencies").fieldNames().forEachRemaining(n -> edges.add(Names.canonicalize(n)));
      String sourceType = pkg.path("source").path("type").asText("");
      DependencyKind kind =
          switch (sourceType) {
            case "git" -> DependencyKind.VCS;
            case "url" -> DependencyKind.URL;
            case "directory", "file" -> DependencyKind.LOCAL_PATH;
            default -> DependencyKind.INDEX;
          };
      Optional<String> group =
          pkg.has("category") && !pkg.path("category").asText().equals("main")
              ? Optional.of("group:" + pkg.path("category").asText())
              : Optional.empty();
      deps.add(
          new DeclaredDependency(
              name,
              SpecifierSet.parse("==" + v),
              Set.of(),
              Optional.empty(),
              Optional.of(v),
              kind,
              name + " " + v,
              at,
              group,
              edges));
    }
    return new DependencyInput(
        path, InputFormat.POETRY_LOCK, deps, List.of(), List.of(), List.of(), Map.of(), List.of());
  }

  /** PEP 751 {@code pylock.toml}: {@code [[packages]]} with name, version, marker, index. */
  static DependencyInput pylock(Path path) {
    TextFile file = TextFile.read(path);
    JsonNode root = file.toml();
    if (!root.has("lock-version")) {
      throw new DepsInputException(path, 1, 0, "not a PEP 751 lock file: no lock-version");
    }
    List<DeclaredDependency> deps = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    int from = 0;
    for (JsonNode pkg : root.path("packages")) {
      String name = pkg.path("name").asText();
      int offset = file.offsetOf("name = \"" + name + "\"", from);
      from = Math.max(from, offset);
      SourceLocation at = offset < 0 ? file.locate(name, 0) : file.at(offset);
      Optional<Version> pinned =
          pkg.has("version")
              ? Optional.of(version(file, at, pkg.path("version").asText()))
              : Optional.empty();
      DependencyKind kind = DependencyKind.INDEX;
      if (pkg.has("vcs")) {
        kind = DependencyKind.VCS;
      } else if (pkg.has("directory")) {
        kind = DependencyKind.LOCAL_PATH;
      } else if (pkg.has("archive")) {
        kind = DependencyKind.URL;
      }
      if (pkg.has("index") && !indexes.contains(pkg.path("index").asText())) {
        indexes.add(pkg.path("index").asText());
      }
      List<String> edges = new ArrayList<>();
      pkg.path("dependencies").forEach(d -> edges.add(Names.canonicalize(d.path("name").asText())));
      deps.add(
          new DeclaredDependency(
              name,
              pinned.map(v -> SpecifierSet.parse("==" + v)).orElse(SpecifierSet.any()),
              Set.of(),
              marker(file, at, pkg.path("marker").asText("")),
              pinned,
              kind,
              name + " " + pkg.path("version").asText(""),
              at,
              Optional.empty(),
              edges));
    }
    return new DependencyInput(
        path, InputFormat.PYLOCK, deps, List.of(), List.of(), indexes, Map.of(), List.of());
  }

  /** Pipenv's {@code Pipfile.lock} (JSON): {@code default} and {@code develop} sections. */
  static DependencyInput pipfileLock(Path path) {
    TextFile file = TextFile.read(path);
    JsonNode root = file.json();
    List<DeclaredDependency> deps = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    root.path("_meta").path("sources").forEach(s -> indexes.add(s.path("url").asText()));
    for (String section : List.of("default", "develop")) {
      int from = file.offsetOf("\"" + section + "\"", 0);
      Iterator<Map.Entry<String, JsonNode>> it = root.path(section).properties().iterator();
      while (it.hasNext()) {
        var e = it.next();
        String name = e.getKey();
        JsonNode pkg = e.getValue();
        int offset = file.offsetOf("\"" + name + "\"", from);
        SourceLocation at = offset < 0 ? file.locate(name, 0) : file.at(offset);
        String versionText = pkg.path("version").asText("");
        DependencyKind kind = DependencyKind.INDEX;
        if (pkg.has("git")) {
          kind = DependencyKind.VCS;
        } else if (pkg.has("path") || pkg.has("file")) {
          kind =
              pkg.path("editable").asBoolean(false)
                  ? DependencyKind.EDITABLE
                  : DependencyKind.LOCAL_PATH;
        }
        Optional<Version> pinned = Optional.empty();
        if (versionText.startsWith("==")) {
          pinned = Optional.of(version(file, at, versionText.substring(2)));
        }
        Set<String> extras = new LinkedHashSet<>();
        pkg.path("extras").forEach(x -> extras.add(x.asText()));
        deps.add(
            new DeclaredDependency(
                name,
                versionText.isEmpty() ? SpecifierSet.any() : SpecifierSet.parse(versionText),
                extras,
                marker(file, at, pkg.path("markers").asText("")),
                pinned,
                kind,
                name + versionText,
                at,
                section.equals("develop") ? Optional.of("group:develop") : Optional.empty(),
                List.of()));
      }
    }
    return new DependencyInput(
        path, InputFormat.PIPFILE_LOCK, deps, List.of(), List.of(), indexes, Map.of(), List.of());
  }
}
