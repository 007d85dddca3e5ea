package dev.ftscout.rules.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FT308NotAssessableTest extends RuleTestBase {
  private final NotAssessable rule = new NotAssessable();

  @Test
  void urlsMissingProjectsAndUninspectedSdistsAreListed() {
    assertThat(
            report(
                rule,
                """
                internal-tool @ git+https://git.example.invalid/internal-tool.git
                missing-pkg==1.0
                oldfast-ext==2.0.0
                """))
        .containsExactly(
            "requirements.txt:1:1 FT308 internal-tool is a version-control dependency"
                + " (internal-tool @ git+https://git.example.invalid/internal-tool.git): not"
                + " checked",
            "requirements.txt:2:1 FT308 missing-pkg is not on the index",
            "requirements.txt:3:1 FT308 oldfast-ext 2.0.0 has only an sdist for 3.14t"
                + " (manylinux_2_28_x86_64): not assessed; --inspect-sources reads its extension"
                + " sources");
  }

  @Test
  void assessedPackagesAreNotListed() {
    assertThat(report(rule, "numpy==1.26.4\nrequests\ncharset-normalizer==3.4.3\n")).isEmpty();
  }
}
