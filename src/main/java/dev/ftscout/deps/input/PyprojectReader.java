package dev.ftscout.deps.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ftscout.deps.DepsInputException;
import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep508.InvalidRequirementException;
import dev.ftscout.deps.pep508.Marker;
import dev.ftscout.deps.pep508.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pyproject.toml}: PEP 621 {@code [project]} dependencies and optional dependencies, PEP 735
 * {@code [dependency-groups]} (with {@code include-group}), Poetry's {@code
 * [tool.poetry.*dependencies]} tables, and {@code [tool.uv.index]} / {@code [[tool.uv.index]]}.
 */
final class PyprojectReader {
  private final List<DeclaredDependency> deps = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  DependencyInput read(Path path) {
    TextFile file = TextFile.read(path);
    JsonNode root = file.toml();
    JsonNode project = root.path("project");
    readList(file, project.path("dependencies"), Optional.empty());
    Iterator<Map.Entry<String, JsonNode>> extras =
        project.path("optional-dependencies").properties().iterator();
    while (extras.hasNext()) {
      var e = extras.next();
      readList(file, e.getValue(), Optional.of("extra:" + e.getKey()));
    }
    JsonNode groups = root.path("dependency-groups");
    Iterator<String> names = groups.fieldNames();
    while (names.hasNext()) {
      String g = names.next();
      readGroup(file, groups, g, new HashSet<>(), g);
    }
    JsonNode poetry = root.path("tool").path("poetry");
    readPoetry(file, poetry.path("dependencies"), Optional.empty());
    readPoetry(file, poetry.path("dev-dependencies"), Optional.of("group:dev"));
    Iterator<Map.Entry<String, JsonNode>> pg = poetry.path("group").properties().iterator();
    while (pg.hasNext()) {
      var e = pg.next();
      readPoetry(file, e.getValue().path("dependencies"), Optional.of("group:" + e.getKey()));
    }
    List<String> indexes = new ArrayList<>();
    JsonNode uvIndex = root.path("tool").path("uv").path("index");
    for (JsonNode idx : uvIndex.isArray() ? uvIndex : List.of(uvIndex)) {
      if (idx.path("url").isTextual()) {
        if (idx.path("default").asBoolean(false)) {
          indexes.add(0, idx.path("url").asText());
        } else {
          indexes.add(idx.path("url").asText());
        }
      }
    }
    List<String> roots =
        deps.stream()
            .filter(d -> d.group().isEmpty())
            .map(DeclaredDependency::canonicalName)
            .distinct()
            .toList();
    return new DependencyInput(
        path, InputFormat.PYPROJECT, deps, roots, List.of(), indexes, Map.of(), notes);
  }

  private void readList(TextFile file, JsonNode list, Optional<String> group) {
    int from = 0;
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        continue;
      }
      String text = item.asText();
      int offset = file.offsetOf(text, from);
      from = offset < 0 ? from : offset + text.length();
      SourceLocation at = offset < 0 ? file.locate(text, 0) : file.at(offset);
      deps.add(fromPep508(file.path(), text, at, group));
    }
  }

  static DeclaredDependency fromPep508(
      Path path, String text, SourceLocation at, Optional<String> group) {
    Requirement r;
    try {
      r = Requirement.parse(text);
    } catch (InvalidRequirementException e) {
      throw new DepsInputException(
          path, at.line(), at.column() + e.column(), "invalid dependency '" + text + "'");
    }
    DependencyKind kind =
        r.url().map(RequirementsTxtReader::classifyUrl).orElse(DependencyKind.INDEX);
    return new DeclaredDependency(
        r.name(),
        r.specifier(),
        r.extras(),
        r.marker(),
        Optional.empty(),
        kind,
        text,
        at,
        group,
        List.of());
  }

  private void readGroup(
      TextFile file, JsonNode groups, String name, Set<String> visiting, String label) {
    if (!visiting.add(name)) {
      throw new DepsInputException(
          file.path(),
          file.locate("include-group", 0).line(),
          0,
          "dependency group '" + name + "' includes itself");
    }
    JsonNode items = groups.path(name);
    if (items.isMissingNode()) {
      throw new DepsInputException(
          file.path(), file.locate(name, 0).line(), 0, "unknown dependency group '" + name + "'");
    }
    for (JsonNode item : items) {
      if (item.isObject() && item.has("include-group")) {
        readGroup(file, groups, item.path("include-group").asText(), visiting, label);
      }
    }
    List<JsonNode> strings = new ArrayList<>();
    items.forEach(i -> {
      if (i.isTextual()) {
        strings.add(i);
      }
    });
    int from = file.offsetOf(name, 0);
    for (JsonNode s : strings) {
      String text = s.asText();
      int offset = file.offsetOf(text, from);
      SourceLocation at = offset < 0 ? file.locate(text, 0) : file.at(offset);
      deps.add(fromPep508(file.path(), text, at, Optional.of("group:" + label)));
    }
    visiting.remove(name);
  }

  private void readPoetry(TextFile file, JsonNode table, Optional<String> group) {
    Iterator<Map.Entry<String, JsonNode>> it = table.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      String name = e.getKey();
      if (name.equals("python")) {
        continue;
      }
      SourceLocation at = file.locate("\n" + name, 0);
      at = new SourceLocation(at.file(), at.line() + 1, 1);
      JsonNode v = e.getValue();
      List<JsonNode> alternatives = v.isArray() ? toList(v) : List.of(v);
      JsonNode spec = alternatives.get(0);
      String constraint = spec.isTextual() ? spec.asText() : spec.path("version").asText("*");
      DependencyKind kind = DependencyKind.INDEX;
      if (spec.has("git")) {
        kind = DependencyKind.VCS;
      } else if (spec.has("path")) {
        kind = DependencyKind.LOCAL_PATH;
      } else if (spec.has("url")) {
        kind = DependencyKind.URL;
      }
      Optional<Marker> marker = Optional.empty();
      if (spec.has("markers")) {
        marker =
            Optional.of(
                Requirement.parse("x; " + spec.path("markers").asText()).marker().orElseThrow());
      }
      Set<String> extras = new HashSet<>();
      spec.path("extras").forEach(x -> extras.add(x.asText()));
      SpecifierSet set;
      try {
        set = PoetryConstraints.toSpecifierSet(constraint);
      } catch (IllegalArgumentException ex) {
        throw new DepsInputException(
            file.path(), at.line(), at.column(), "invalid Poetry constraint '" + constraint + "'");
      }
      if (constraint.contains("||")) {
        notes.add(
            name + ": Poetry alternative constraint '" + constraint + "' read as its first part");
      }
      // Poetry's optional packages are installed only through [tool.poetry.extras].
      Optional<String> effectiveGroup =
          spec.path("optional").asBoolean(false) ? Optional.of("extra:poetry-optional") : group;
      deps.add(
          new DeclaredDependency(
              name,
              set,
              extras,
              marker,
              Optional.empty(),
              kind,
              name + " = " + v,
              at,
              effectiveGroup,
              List.of()));
    }
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
