package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Severity;
import dev.ftscout.runtime.probe.ProbeResult;
import org.junit.jupiter.api.Test;

class FT402ImportFailsFreeThreadedTest {
  private final ImportFailsFreeThreaded rule = new ImportFailsFreeThreaded();

  @Test
  void warnsOnImportFailuresInTheFreeThreadedBuild() {
    var findings =
        rule.check(
            new ProbeFacts(
                RuntimeSamples.probe(ProbeResult.Mode.FREE_THREADED), RuntimeSamples.ROOT));
    assertThat(findings)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.path()).endsWith("oldcrypto-0.9.dist-info/METADATA");
          assertThat(f.message())
              .isEqualTo(
                  "oldcrypto from oldcrypto 0.9 fails to import in 3.14t: ImportError:"
                      + " libcrypto.so.1.1: cannot open shared object file");
        });
  }

  @Test
  void saysNothingAboutAGilBuildDryRun() {
    assertThat(
            rule.check(
                new ProbeFacts(
                    RuntimeSamples.probe(ProbeResult.Mode.GIL_DRY_RUN), RuntimeSamples.ROOT)))
        .isEmpty();
  }
}
