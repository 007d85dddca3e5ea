package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FT305SourceReenablesGilTest extends RuleTestBase {
  private final SourceReenablesGil rule = new SourceReenablesGil();

  @Test
  void anSdistWhoseModuleLacksTheDeclarationReenablesTheGil() {
    assertThat(report(rule, "oldfast-ext==2.0.0\n", List.of(DependencySamples.LINUX_314T), true))
        .singleElement()
        .asString()
        .startsWith(
            "requirements.txt:1:1 FT305 oldfast-ext 2.0.0 has only an sdist for 3.14t"
                + " (manylinux_2_28_x86_64), and an extension module there does not declare"
                + " GIL-free support: importing it re-enables the GIL (src/oldfast/_native.c:");
    assertThat(rule.info().severity()).isEqualTo(dev.ftscout.model.Severity.ERROR);
  }

  @Test
  void notReportedWithoutInspectionOrWhenEveryModuleDeclaresIt() {
    assertThat(report(rule, "oldfast-ext==2.0.0\n")).isEmpty();
    assertThat(report(rule, "speedy-ext==1.0.0\n", List.of(DependencySamples.LINUX_314T), true))
        .isEmpty();
  }
}
