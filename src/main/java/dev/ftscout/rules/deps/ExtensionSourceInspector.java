package dev.ftscout.rules.deps;

import dev.ftscout.cext.ExtensionReader;
import dev.ftscout.deps.source.GilDeclaration;
import dev.ftscout.deps.source.SourceInspection;
import dev.ftscout.deps.source.SourceInspector;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.SourceFile;
import dev.ftscout.rules.AnalysisContext;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.rules.cext.ExtensionAnalyzer;
import dev.ftscout.rules.cext.ExtensionRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The source inspector behind {@code ftscout deps --inspect-sources}: reads an extracted sdist with
 * the extension-source front end and the FT2xx rules (nothing is built or run), and says whether
 * its extension modules declare GIL-free support, whether the package falls back to pure Python
 * when its extension is missing, with file:line evidence from the sdist.
 */
public final class ExtensionSourceInspector implements SourceInspector {
  /** Evidence lines kept per package; a big sdist has many modules. */
  private static final int MAX_MODULE_EVIDENCE = 8;

  /** Python files larger than this are generated or vendored, not import logic. */
  private static final long MAX_PYTHON_BYTES = 1L << 20;

  /**
   * The Python version the analysis assumes; extension rules do not depend on it, the context needs
   * one.
   */
  private static final String PYTHON_TARGET = "3.14";

  private final ExtensionAnalyzer analyzer;
  private final Set<String> ruleIds;

  /**
   * @param analyzer the extension front end with its rules
   * @param ruleIds the FT2xx rules to run over the sources
   */
  public ExtensionSourceInspector(ExtensionAnalyzer analyzer, Set<String> ruleIds) {
    this.analyzer = analyzer;
    this.ruleIds = Set.copyOf(ruleIds);
  }

  /** An inspector running every extension rule of the registry. */
  public static ExtensionSourceInspector of(RuleRegistry registry) {
    return new ExtensionSourceInspector(
        ExtensionAnalyzer.of(registry),
        registry.ofType(ExtensionRule.class).stream()
            .map(r -> r.info().id())
            .collect(Collectors.toSet()));
  }

  @Override
  public SourceInspection inspect(Path sourceTree, String project, String version) {
    Path base = topFolder(sourceTree);
    List<SourceFile> sources = new ArrayList<>();
    Map<String, String> python = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path f :
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        String rel = base.relativize(f).toString().replace('\\', '/');
        long size = Files.size(f);
        if (ExtensionReader.wants(rel) && size <= ExtensionReader.MAX_BYTES) {
          sources.add(new SourceFile(rel, f, Files.readAllBytes(f)));
        } else if (rel.endsWith(".py") && size <= MAX_PYTHON_BYTES) {
          python.put(rel, new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sources of " + project + " " + version, e);
    }
    AnalysisResult result = analyzer.analyze(sources, new AnalysisContext(ruleIds, PYTHON_TARGET));
    List<ExtensionModule> modules = result.extensionModules();
    List<String> evidence = new ArrayList<>();
    int shown = 0;
    List<ExtensionModule> ordered = new ArrayList<>(modules);
    // Modules that decide a "no" come first: they are the evidence a reader needs.
    ordered.sort(
        java.util.Comparator.comparing(
            (ExtensionModule m) -> m.declaration() == ExtensionModule.GilDeclaration.YES));
    for (ExtensionModule m : ordered) {
      if (shown++ == MAX_MODULE_EVIDENCE) {
        evidence.add("… and " + (modules.size() - MAX_MODULE_EVIDENCE) + " more extension modules");
        break;
      }
      evidence.add(moduleEvidence(m));
    }
    Set<String> names = new HashSet<>();
    for (ExtensionModule m : modules) {
      names.add(m.name());
      String file = m.path().substring(m.path().lastIndexOf('/') + 1);
      int dot = file.indexOf('.');
      names.add(dot < 0 ? file : file.substring(0, dot));
    }
    Optional<String> fallback =
        modules.isEmpty() ? Optional.empty() : PurePythonFallback.find(python, names);
    fallback.ifPresent(evidence::add);
    String hazards = hazards(result.findings());
    if (!hazards.isEmpty()) {
      evidence.add("other extension hazards in its sources: " + hazards);
    }
    return new SourceInspection(declaration(modules), fallback.isPresent(), evidence);
  }

  /** The sdist's single top folder ({@code name-version/}), or the tree itself. */
  private static Path topFolder(Path tree) {
    try (Stream<Path> children = Files.list(tree)) {
      List<Path> all = children.toList();
      return all.size() == 1 && Files.isDirectory(all.get(0), LinkOption.NOFOLLOW_LINKS)
          ? all.get(0)
          : tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GilDeclaration declaration(List<ExtensionModule> modules) {
    if (modules.isEmpty()) {
      return GilDeclaration.NO_EXTENSIONS;
    }
    if (modules.stream().anyMatch(m -> m.declaration() == ExtensionModule.GilDeclaration.NO)) {
      return GilDeclaration.NO;
    }
    return modules.stream().allMatch(m -> m.declaration() == ExtensionModule.GilDeclaration.YES)
        ? GilDeclaration.YES
        : GilDeclaration.CONDITIONAL;
  }

  private static String moduleEvidence(ExtensionModule m) {
    String what =
        switch (m.declaration()) {
          case YES -> " declares GIL-free support";
          case NO -> " does not declare GIL-free support";
          case CONDITIONAL -> " declares GIL-free support only conditionally";
        };
    return m.path()
        + ":"
        + m.line()
        + ": "
        + m.binding().label()
        + " module "
        + m.name()
        + what
        + (m.evidence().isBlank() ? "" : " (" + m.evidence() + ")");
  }

  /** {@code FT202 ×3, FT204 ×1}: findings other than the missing declaration, by rule. */
  private static String hazards(List<Finding> findings) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Finding f : findings) {
      if (!f.ruleId().equals("FT201")) {
        counts.merge(f.ruleId(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " ×" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
