package dev.ftscout.rules.cext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.FixtureHarness;
import dev.ftscout.testing.TestVenvs;
import org.junit.jupiter.api.Test;

/** The sample the README shows: what {@code ftscout scan examples/c-extension-demo} reports. */
class CExtensionDemoTest {
  @Test
  void reportsEachHazardOfTheGilEraModuleAndNothingInTheFixedOnes() {
    AnalysisResult r =
        FixtureHarness.analyze(
            Fixtures.analyzer(),
            TestVenvs.basedir().resolve("examples/c-extension-demo"),
            Fixtures.allExtensionRules());
    assertThat(r.findings())
        .extracting(f -> f.location() + " " + f.ruleId())
        .containsExactly(
            "src/textstats/_counter.c:19:17 FT205",
            "src/textstats/_counter.c:43:21 FT202",
            "src/textstats/_counter.c:59:5 FT204",
            "src/textstats/_counter.c:82:12 FT203",
            "src/textstats/_counter.c:112:25 FT201");
    assertThat(r.extensionModules())
        .extracting(ExtensionModule::name, ExtensionModule::declaration)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("textstats._counter", GilDeclaration.NO),
            org.assertj.core.groups.Tuple.tuple("textstats._counter_fixed", GilDeclaration.YES),
            org.assertj.core.groups.Tuple.tuple("textstats._tokens", GilDeclaration.YES));
    assertThat(r.skipped()).isEmpty();
    assertThat(r.comments()).containsKey("src/textstats/_counter.c");
  }
}
