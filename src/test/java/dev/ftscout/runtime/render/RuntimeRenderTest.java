package dev.ftscout.runtime.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.runtime.discovery.Doctor;
import dev.ftscout.runtime.discovery.DoctorReport;
import dev.ftscout.runtime.discovery.Interpreter;
import dev.ftscout.runtime.discovery.Origin;
import dev.ftscout.runtime.probe.GilCulprit;
import dev.ftscout.runtime.probe.ModuleResult;
import dev.ftscout.runtime.probe.ModuleStatus;
import dev.ftscout.runtime.probe.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text and JSON shapes of the runtime records the CLI prints. */
class RuntimeRenderTest {
  private static final Interpreter FT =
      new Interpreter(
          Path.of("/opt/py/bin/python3.14t"),
          "/opt/py/bin/python3.14t",
          "3.14.0",
          3,
          14,
          "cpython",
          true,
          Optional.of(false),
          "t",
          ".cpython-314t-x86_64-linux-gnu.so",
          true,
          false,
          "/opt/py",
          List.of(new Origin(Origin.Kind.PATH, "/opt/py/bin")));

  private static ProbeResult probe() {
    GilCulprit c =
        new GilCulprit(
            "lxml.etree",
            Optional.of("lxml"),
            Optional.of("6.0.0"),
            "# loading module 'lxml.etree', which requires the GIL");
    return new ProbeResult(
        FT,
        ProbeResult.Mode.FREE_THREADED,
        Optional.empty(),
        List.of(
            new ModuleResult(
                "json5",
                ModuleResult.Kind.TOP_LEVEL,
                ModuleStatus.OK,
                Optional.of("json5"),
                Optional.of("0.9"),
                "imported; the GIL stayed disabled",
                Duration.ofMillis(3),
                List.of()),
            new ModuleResult(
                "lxml",
                ModuleResult.Kind.TOP_LEVEL,
                ModuleStatus.REENABLES_GIL,
                Optional.of("lxml"),
                Optional.of("6.0.0"),
                c.evidence(),
                Duration.ofMillis(40),
                List.of(c))),
        1,
        Duration.ofMillis(1500),
        List.of("culprits named by CPython's -v lines"));
  }

  @Test
  void probeTextNamesCulpritsWithDistribution() {
    String text = new RuntimeText().probe(probe());
    assertThat(text)
        .contains(
            "Probed 2 modules in /opt/py/bin/python3.14t (3.14t) with 1 worker process in 1.5 s")
        .contains(
            "re-enables GIL lxml (lxml 6.0.0)\n    # loading module 'lxml.etree', which requires the GIL")
        .contains("  lxml.etree  from lxml 6.0.0")
        .doesNotContain("json5 (");
  }

  @Test
  void doctorTextSaysWhenNoneIsFreeThreaded() {
    Interpreter gil =
        new Interpreter(
            Path.of("/usr/bin/python3"),
            "/usr/bin/python3",
            "3.11.2",
            3,
            11,
            "cpython",
            false,
            Optional.empty(),
            "",
            ".cpython-311-x86_64-linux-gnu.so",
            true,
            false,
            "/usr",
            List.of(new Origin(Origin.Kind.PATH, "/usr/bin")));
    String text =
        new RuntimeText()
            .doctor(
                new DoctorReport(
                    List.of(gil),
                    List.of(),
                    false,
                    Optional.empty(),
                    List.of(),
                    Doctor.HOW_TO_GET_FREE_THREADED));
    assertThat(text)
        .contains("No free-threaded interpreter found.")
        .contains("uv python install 3.14t")
        .contains("found via path /usr/bin");
  }

  @Test
  void jsonHasPlainValuesForOptionalsPathsAndDurations() throws Exception {
    JsonNode n = new ObjectMapper().readTree(new RuntimeJson().write(probe()));
    assertThat(n.path("interpreter").path("path").asText()).isEqualTo("/opt/py/bin/python3.14t");
    assertThat(n.path("interpreter").path("gilEnabled").asBoolean(true)).isFalse();
    assertThat(n.path("environment").isNull()).isTrue();
    assertThat(n.path("wallTime").asDouble()).isEqualTo(1500.0);
    JsonNode lxml = n.path("modules").get(1);
    assertThat(lxml.path("status").asText()).isEqualTo("REENABLES_GIL");
    assertThat(lxml.path("distribution").asText()).isEqualTo("lxml");
    assertThat(lxml.path("culprits").get(0).path("module").asText()).isEqualTo("lxml.etree");
  }
}
