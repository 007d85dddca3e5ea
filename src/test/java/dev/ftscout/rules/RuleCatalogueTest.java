package dev.ftscout.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.SourceFile;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Meta-tests over {@link RuleRegistry#standard()}: every rule has a unique id and kebab-case name,
 * a doc page in the agreed format whose examples behave as they claim, a test class, and positive
 * and negative fixtures.
 */
class RuleCatalogueTest {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  static Stream<RuleInfo> rules() {
    return RuleRegistry.standard().infos().stream();
  }

  /**
   * Rules that read source files, so fixtures and doc examples are files an analyzer reads.
   * Dependency (FT3xx) and runtime (FT4xx) rules judge evidence instead; their own catalogue tests
   * check that each doc example is what the rule reports for sample evidence.
   */
  static Stream<RuleInfo> sourceRules() {
    return rules().filter(r -> r.family().equals("python") || r.family().equals("extension"));
  }

  @Test
  void idsAndNamesAreUniqueAndSorted() {
    List<RuleInfo> infos = RuleRegistry.standard().infos();
    assertThat(infos).isNotEmpty();
    assertThat(infos.stream().map(RuleInfo::id)).doesNotHaveDuplicates().isSorted();
    assertThat(infos.stream().map(RuleInfo::name))
        .doesNotHaveDuplicates()
        .allMatch(n -> KEBAB.matcher(n).matches());
    assertThat(infos).allMatch(i -> !i.summary().endsWith(".") && !i.summary().contains("\n"));
    assertThat(infos).allMatch(i -> !i.sources().isEmpty() && !i.fix().isBlank());
  }

  private static Path docPage(RuleInfo info) {
    return TestVenvs.basedir().resolve("docs/rules").resolve(info.docFileName());
  }

  private static String familyLabel(String family) {
    return switch (family) {
      case "python" -> "Python sources";
      case "extension" -> "extension sources";
      case "dependencies" -> "dependencies";
      default -> "runtime";
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void docPageFollowsTheFormat(RuleInfo info) throws IOException {
    Path page = docPage(info);
    assertThat(page).as("doc page for %s", info.id()).isRegularFile();
    String text = Files.readString(page);
    String[] lines = text.split("\n");
    assertThat(lines[0]).isEqualTo("# " + info.id() + " " + info.name());
    assertThat(lines[2])
        .isEqualTo(
            "Severity: "
                + info.severity().label()
                + " · Family: "
                + familyLabel(info.family())
                + " · Precision: "
                + info.precision().sarif());
    assertThat(lines[4]).isEqualTo(info.summary() + ".");
    List<String> sections = Stream.of(lines).filter(l -> l.startsWith("## ")).toList();
    assertThat(sections)
        .containsExactly("## Why", "## Example", "## Fix", "## Suppress", "## Sources");
    boolean readsSources = info.family().equals("python") || info.family().equals("extension");
    // Findings from evidence have no source line to carry a comment; they are disabled instead.
    assertThat(text)
        .contains(readsSources ? "ftscout: ignore[" + info.id() + "]" : "--ignore " + info.id());
    String sources = text.substring(text.indexOf("## Sources"));
    for (String source : info.sources()) {
      assertThat(sources).as("%s cites %s", info.id(), source).contains(source);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleHasATestClass(RuleInfo info) throws IOException, URISyntaxException {
    Path classes =
        Path.of(
            RuleCatalogueTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> walk = Files.walk(classes.resolve("dev/ftscout/rules"))) {
      List<String> tests =
          walk.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith(info.id()) && n.endsWith("Test.class"))
              .toList();
      assertThat(tests).as("a test class named %s...Test", info.id()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sourceRules")
  void everyRuleHasPositiveAndNegativeFixtures(RuleInfo info) {
    Path folder = TestVenvs.basedir().resolve("src/test/resources/rules").resolve(info.id());
    assertThat(folder).isDirectory();
    List<Path> fixtures = FixtureHarness.fixtures(folder);
    assertThat(fixtures)
        .as("positive fixtures")
        .anyMatch(f -> FixtureHarness.expects(f, info.id()));
    assertThat(fixtures)
        .as("negative fixtures")
        .anyMatch(f -> !FixtureHarness.expects(f, info.id()));
  }

  @TestFactory
  Stream<DynamicTest> docExamplesBehaveAsLabelled(@TempDir Path tmp) {
    List<DynamicTest> tests = new ArrayList<>();
    RuleRegistry registry = RuleRegistry.standard();
    for (RuleInfo info : sourceRules().toList()) {
      String text;
      try {
        text = Files.readString(docPage(info));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      List<DocExamples.Example> examples = DocExamples.parse(text);
      tests.add(
          DynamicTest.dynamicTest(
              info.id() + " has bad and good examples",
              () -> {
                assertThat(examples).anyMatch(DocExamples.Example::bad);
                assertThat(examples).anyMatch(e -> !e.bad());
              }));
      for (DocExamples.Example ex : examples) {
        String name =
            info.id()
                + " line "
                + ex.line()
                + " "
                + (ex.bad() ? "bad" : "good")
                + " "
                + ex.files().keySet();
        tests.add(DynamicTest.dynamicTest(name, () -> runExample(registry, info, ex, tmp)));
      }
    }
    return tests.stream();
  }

  private static void runExample(
      RuleRegistry registry, RuleInfo info, DocExamples.Example ex, Path tmp) throws IOException {
    Analyzer analyzer = TestAnalyzers.forFamily(registry, info.family());
    Path dir = Files.createTempDirectory(tmp, info.id());
    List<SourceFile> files = new ArrayList<>();
    for (Map.Entry<String, String> f : ex.files().entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
      Files.write(p, bytes);
      if (analyzer.wants(f.getKey())) {
        files.add(new SourceFile(f.getKey(), p, bytes));
      }
    }
    Set<String> enabled = new HashSet<>(Set.of(info.id()));
    AnalysisResult r = analyzer.analyze(files, new AnalysisContext(enabled, "3.9"));
    boolean reported = r.findings().stream().anyMatch(f -> f.ruleId().equals(info.id()));
    assertThat(reported)
        .as(
            "%s example at line %d %s; findings %s",
            info.id(),
            ex.line(),
            ex.bad() ? "must be reported" : "must not be reported",
            r.findings())
        .isEqualTo(ex.bad());
  }
}
