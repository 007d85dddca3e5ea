package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.deps.source.GilDeclaration;
import dev.ftscout.deps.source.SdistExtractor;
import dev.ftscout.deps.source.SourceInspection;
import dev.ftscout.deps.testdata.RealDistributions;
import dev.ftscout.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source inspector on real sdists from the configured index (kept in {@code
 * target/deps-dists}): the extension front end and FT2xx rules read them, nothing is built.
 */
class ExtensionSourceInspectorTest {
  @TempDir Path tmp;

  private SourceInspection inspect(String pinned) throws Exception {
    Path sdist = RealDistributions.sdist(pinned);
    Path tree =
        new SdistExtractor(64L << 20, 10_000)
            .extract(sdist, Files.createDirectories(tmp.resolve(pinned.replace("==", "-"))));
    String[] parts = pinned.split("==");
    return ExtensionSourceInspector.of(RuleRegistry.standard()).inspect(tree, parts[0], parts[1]);
  }

  @Test
  void aCModuleWithoutTheDeclarationAndAPurePythonFallback() throws Exception {
    SourceInspection i = inspect("markupsafe==2.1.5");
    assertThat(i.declaration()).isEqualTo(GilDeclaration.NO);
    assertThat(i.pureFallback()).isTrue();
    assertThat(i.evidence())
        .anyMatch(e ->
            e.startsWith("src/markupsafe/_speedups.c:")
                && e.contains("module markupsafe._speedups does not declare GIL-free support"))
        .anyMatch(e ->
            e.matches(
                "src/markupsafe/__init__\\.py:\\d+: falls back to pure Python when `from"
                    + " \\._speedups import .*` fails"));
  }

  @Test
  void aCModuleThatDeclaresGilFreeUnderPyGilDisabled() throws Exception {
    SourceInspection i = inspect("markupsafe==3.0.2");
    assertThat(i.declaration()).isEqualTo(GilDeclaration.YES);
    assertThat(i.evidence())
        .anyMatch(e -> e.contains("markupsafe._speedups declares GIL-free support"));
  }

  @Test
  void aCythonModuleWithTheDirectiveAndAFallbackThroughAnotherModule() throws Exception {
    SourceInspection i = inspect("pyyaml==6.0.3");
    assertThat(i.declaration()).isEqualTo(GilDeclaration.YES);
    assertThat(i.pureFallback()).as("yaml/__init__.py guards `from .cyaml import *`").isTrue();
    assertThat(i.evidence())
        .anyMatch(e -> e.contains("falls back to pure Python when `from .cyaml import *` fails"));
  }

  @Test
  void aCModuleWithoutDeclarationOrFallback() throws Exception {
    SourceInspection i = inspect("mmh3==4.1.0");
    assertThat(i.declaration()).isEqualTo(GilDeclaration.NO);
    assertThat(i.pureFallback()).isFalse();
    assertThat(i.evidence()).anyMatch(e -> e.contains("does not declare GIL-free support"));
  }
}
