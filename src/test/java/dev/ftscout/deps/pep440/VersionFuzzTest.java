package dev.ftscout.deps.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/** Fuzzes version and specifier parsing: no crash, normal forms round-trip. */
class VersionFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void versionsParseOrAreRejectedAndRoundTrip(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Optional<Version> v = Version.tryParse(text);
    if (v.isEmpty()) {
      return;
    }
    Version again = Version.parse(v.get().toString());
    assertThat(again).isEqualTo(v.get());
    assertThat(again.toString()).isEqualTo(v.get().toString());
    assertThat(again.compareTo(v.get())).isZero();
    assertThat(again.hashCode()).isEqualTo(v.get().hashCode());
  }

  @FuzzTest(maxDuration = "60s")
  void specifiersParseOrAreRejectedAndNeverCrashWhenMatching(FuzzedDataProvider data) {
    String spec = data.consumeString(64);
    String version = data.consumeRemainingAsString();
    SpecifierSet set;
    try {
      set = SpecifierSet.parse(spec);
    } catch (InvalidVersionException e) {
      return;
    }
    boolean any = set.contains(version);
    boolean pre = set.contains(version, true);
    assertThat(!any || pre).as("allowing pre-releases never removes a match").isTrue();
    assertThat(set.filter(java.util.List.of(version))).hasSizeLessThanOrEqualTo(1);
  }
}
