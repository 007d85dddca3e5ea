package dev.ftscout.deps.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftscout.deps.tags.Target;

/** Fuzzes PEP 508 parsing and marker evaluation: clean rejections only, no crash. */
class RequirementFuzzTest {
  private static final MarkerEnvironment ENV =
      Target.parse("3.14t", "manylinux_2_28_x86_64").markerEnvironment();

  @FuzzTest(maxDuration = "60s")
  void requirementsParseOrAreRejectedWithAColumn(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Requirement r;
    try {
      r = Requirement.parse(text);
    } catch (InvalidRequirementException e) {
      assertThat(e.column()).isBetween(0, text.length());
      return;
    }
    assertThat(r.name()).isNotEmpty();
    try {
      r.appliesTo(ENV.withExtra("test"));
    } catch (UndefinedComparisonException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
