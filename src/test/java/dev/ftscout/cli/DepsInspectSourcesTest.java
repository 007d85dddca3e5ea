package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.deps.testdata.RealDistributions;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.CliRun;
import dev.ftscout.testing.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ftscout deps --inspect-sources} end to end: the loopback index serves real sdists only (so
 * each package is sdist-only there), the audit downloads and extracts them, and the extension
 * scanner decides FT303, FT304 and FT305.
 */
class DepsInspectSourcesTest {
  @TempDir Path tmp;

  @Test
  void sdistOnlyPackagesAreJudgedByTheirExtensionSources() throws Exception {
    try (LoopbackIndex index =
        new LoopbackIndex()
            .addRealFile("mmh3", "4.1.0", RealDistributions.sdist("mmh3==4.1.0"), List.of())
            .addRealFile(
                "markupsafe", "3.0.2", RealDistributions.sdist("markupsafe==3.0.2"), List.of())
            .addRealFile("pyyaml", "6.0.2", RealDistributions.sdist("pyyaml==6.0.2"), List.of())
            .start()) {
      Path dir = Files.createDirectories(tmp.resolve("app"));
      Files.writeString(
          dir.resolve("requirements.txt"), "mmh3==4.1.0\nmarkupsafe==3.0.2\npyyaml==6.0.2\n");
      Map<String, String> env =
          Map.of(
              "NO_COLOR", "1",
              "HOME", tmp.resolve("home").toString(),
              "XDG_CACHE_HOME", tmp.resolve("cache").toString());
      String[] args = {
        "deps", "--index-url", index.simpleUrl(), "--platform", "manylinux_2_28_x86_64"
      };
      CliRun.Result plain = CliRun.run(Components.standard(), dir, env, args);
      assertThat(plain.out())
          .contains(
              "requirements.txt:1:1 FT308 mmh3 4.1.0 has only an sdist for 3.14t"
                  + " (manylinux_2_28_x86_64): not assessed; --inspect-sources reads its extension"
                  + " sources");

      CliRun.Result r =
          CliRun.run(Components.standard(), dir, env, concat(args, "--inspect-sources"));
      assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "requirements.txt:1:1 FT305 mmh3 4.1.0 has only an sdist for 3.14t"
                  + " (manylinux_2_28_x86_64), and an extension module there does not declare"
                  + " GIL-free support: importing it re-enables the GIL (src/mmh3/mmh3module.c:")
          .contains(
              "requirements.txt:2:1 FT304 markupsafe 3.0.2 has no wheel for 3.14t"
                  + " (manylinux_2_28_x86_64) and builds from its sdist, whose extension modules"
                  + " declare GIL-free support (src/markupsafe/_speedups.c:")
          .contains(
              "requirements.txt:3:1 FT303 pyyaml 6.0.2 has no free-threaded wheel for 3.14t"
                  + " (manylinux_2_28_x86_64) and works there through its pure-Python fallback")
          .contains("if its extension is built from the sdist, importing it re-enables the GIL")
          .contains("Source inspection (sdists read, nothing built)");
      assertThat(index.requests()).isPositive();

      CliRun.Result j =
          CliRun.run(
              Components.standard(),
              dir,
              env,
              concat(args, "--inspect-sources", "--format", "json"));
      assertThat(Schemas.reportErrors(j.out())).isEmpty();
      JsonNode packages =
          new ObjectMapper().readTree(j.out()).path("dependencies").path("packages");
      JsonNode mmh3 = packages.get(1);
      assertThat(mmh3.path("name").asText()).isEqualTo("mmh3");
      assertThat(packages.get(2).path("kind").asText()).as("pyyaml").isEqualTo("sdist");
      assertThat(mmh3.path("kind").asText()).isEqualTo("sdist");
      assertThat(mmh3.path("source").path("declaration").asText()).isEqualTo("no");
      assertThat(mmh3.path("targets").get(0).path("status").asText())
          .isEqualTo("source-reenables-gil");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
