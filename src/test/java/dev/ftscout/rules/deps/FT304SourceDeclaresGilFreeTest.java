package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FT304SourceDeclaresGilFreeTest extends RuleTestBase {
  private final SourceDeclaresGilFree rule = new SourceDeclaresGilFree();

  @Test
  void anSdistWhoseModuleDeclaresGilFreeBuildsFine() {
    assertThat(report(rule, "speedy-ext==1.0.0\n", List.of(DependencySamples.LINUX_314T), true))
        .singleElement()
        .asString()
        .startsWith(
            "requirements.txt:1:1 FT304 speedy-ext 1.0.0 has no wheel for 3.14t"
                + " (manylinux_2_28_x86_64) and builds from its sdist, whose extension modules"
                + " declare GIL-free support (src/speedy/_core.c:");
  }

  @Test
  void notReportedWithoutInspectionOrWhenAModuleLacksTheDeclaration() {
    assertThat(report(rule, "speedy-ext==1.0.0\n")).isEmpty();
    assertThat(report(rule, "oldfast-ext==2.0.0\n", List.of(DependencySamples.LINUX_314T), true))
        .isEmpty();
  }
}
