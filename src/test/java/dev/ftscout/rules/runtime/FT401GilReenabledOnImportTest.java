package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.model.Severity;
import dev.ftscout.runtime.probe.ProbeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class FT401GilReenabledOnImportTest {
  private final GilReenabledOnImport rule = new GilReenabledOnImport();

  @Test
  void oneErrorPerCulpritAtItsDistributionsMetadataWithTheExactEvidence() {
    List<Finding> findings =
        rule.check(
            new ProbeFacts(
                RuntimeSamples.probe(ProbeResult.Mode.FREE_THREADED), RuntimeSamples.ROOT));
    assertThat(findings).hasSize(2).allMatch(f -> f.severity() == Severity.ERROR);
    Finding lxml = findings.get(0);
    assertThat(lxml.ruleId()).isEqualTo("FT401");
    assertThat(lxml.path())
        .isEqualTo(".venv/lib/python3.14t/site-packages/lxml-6.1.1.dist-info/METADATA");
    assertThat(lxml.span().isWholeFile()).isTrue();
    assertThat(lxml.message())
        .startsWith("lxml.etree from lxml 6.1.1 re-enables the GIL on import in 3.14t: ")
        .endsWith(RuntimeSamples.LXML_WARNING);
    assertThat(findings.get(1).message())
        .isEqualTo(
            "yaml._yaml from PyYAML 6.0.2 re-enables the GIL on import in 3.14t: # loading module"
                + " 'yaml._yaml', which requires the GIL");
  }

  @Test
  void aDryRunOnAGilBuildNamesNoCulprit() {
    assertThat(
            rule.check(
                new ProbeFacts(
                    RuntimeSamples.probe(ProbeResult.Mode.GIL_DRY_RUN), RuntimeSamples.ROOT)))
        .isEmpty();
  }
}
