package dev.ftscout.deps.input;

import dev.ftscout.deps.DepsInputException;
import dev.ftscout.deps.metadata.CoreMetadata;
import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.InvalidRequirementException;
import dev.ftscout.deps.pep508.Names;
import dev.ftscout.deps.pep508.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An installed environment: a venv folder or a site-packages folder, read from its {@code
 * *.dist-info/METADATA} files. Versions are exact; Requires-Dist comes from the files, so no index
 * request is needed for the edges.
 */
final class InstalledEnvironmentReader {
  DependencyInput read(Path path) {
    Path site = sitePackages(path);
    List<DeclaredDependency> deps = new ArrayList<>();
    Map<String, CoreMetadata> local = new HashMap<>();
    Set<String> required = new HashSet<>();
    List<Path> infos;
    try (Stream<Path> s = Files.list(site)) {
      infos = s.filter(p -> p.getFileName().toString().endsWith(".dist-info")).sorted().toList();
    } catch (IOException e) {
      throw new DepsInputException(site, 0, 0, "cannot list: " + e.getMessage());
    }
    for (Path info : infos) {
      Path metadataFile = info.resolve("METADATA");
      if (!Files.isRegularFile(metadataFile)) {
        continue;
      }
      CoreMetadata md;
      try {
        md = CoreMetadata.parse(Files.readString(metadataFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new DepsInputException(metadataFile, 0, 0, "cannot read: " + e.getMessage());
      }
      Version v =
          Version.tryParse(md.version())
              .orElseThrow(
                  () -> new DepsInputException(metadataFile, 0, 0, "bad Version: " + md.version()));
      String canonical = Names.canonicalize(md.name());
      local.put(canonical, md);
      List<String> edges = new ArrayList<>();
      for (String r : md.requiresDist()) {
        try {
          Requirement req = Requirement.parse(r);
          if (req.marker().isEmpty()) {
            required.add(req.canonicalName());
          }
          edges.add(req.canonicalName());
        } catch (InvalidRequirementException e) {
          // A malformed Requires-Dist in someone else's package is not the user's error.
        }
      }
      deps.add(
          new DeclaredDependency(
              md.name(),
              SpecifierSet.parse("==" + v),
              Set.of(),
              Optional.empty(),
              Optional.of(v),
              DependencyKind.INDEX,
              md.name() + "==" + v,
              new SourceLocation(metadataFile, 1, 0),
              Optional.empty(),
              edges));
    }
    List<String> roots =
        deps.stream()
            .map(DeclaredDependency::canonicalName)
            .filter(n -> !required.contains(n))
            .filter(n -> !Set.of("pip", "setuptools", "wheel").contains(n))
            .toList();
    return new DependencyInput(
        site,
        InputFormat.INSTALLED_ENVIRONMENT,
        deps,
        roots,
        List.of(),
        List.of(),
        local,
        List.of());
  }

  static Path sitePackages(Path path) {
    if (path.getFileName() != null && path.getFileName().toString().equals("site-packages")) {
      return path;
    }
    Path win = path.resolve("Lib/site-packages");
    if (Files.isDirectory(win)) {
      return win;
    }
    Path lib = path.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> s = Files.list(lib)) {
        Optional<Path> found =
            s.filter(p -> p.getFileName().toString().startsWith("python"))
                .map(p -> p.resolve("site-packages"))
                .filter(Files::isDirectory)
                .findFirst();
        if (found.isPresent()) {
          return found.get();
        }
      } catch (IOException e) {
        throw new DepsInputException(lib, 0, 0, "cannot list: " + e.getMessage());
      }
    }
    try (Stream<Path> s = Files.list(path)) {
      if (s.anyMatch(p -> p.getFileName().toString().endsWith(".dist-info"))) {
        return path;
      }
    } catch (IOException e) {
      throw new DepsInputException(path, 0, 0, "not a directory: " + e.getMessage());
    }
    throw new DepsInputException(path, 0, 0, "no site-packages or *.dist-info found");
  }
}
