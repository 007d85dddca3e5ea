package dev.ftscout.deps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.deps.index.IndexClient;
import dev.ftscout.deps.index.IndexOptions;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.source.TextSourceInspector;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.deps.testdata.RealDistributions;
import dev.ftscout.deps.testindex.LoopbackIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An sdist-only package judged by inspecting its real source, downloaded by the audit. */
class RealSdistAuditTest {
  @TempDir Path tmp;

  @Test
  void anSdistOnlyPackageIsAssessedBySourceInspection() throws Exception {
    Path sdist = RealDistributions.sdist("pyyaml==6.0.2");
    Target t = Target.parse("3.14t", "manylinux_2_28_x86_64");
    Path req = Files.writeString(tmp.resolve("requirements.txt"), "pyyaml==6.0.2\n");
    try (LoopbackIndex index =
            new LoopbackIndex().addRealFile("pyyaml", "6.0.2", sdist, List.of()).start();
        IndexClient client =
            new IndexClient(
                IndexOptions.of(List.of(index.simpleUrl()), Optional.empty()), Clock.systemUTC())) {
      AuditResult withoutInspection =
          new DependencyAudit(client)
              .run(
                  new AuditRequest(
                      "app",
                      List.of(new InputReaders(Map.of()).read(req)),
                      List.of(t),
                      Set.of(),
                      false,
                      Optional.empty(),
                      tmp));
      assertThat(withoutInspection.get("pyyaml").orElseThrow().status(t.label()).support())
          .isEqualTo(Support.SDIST_UNKNOWN);
      AuditResult inspected =
          new DependencyAudit(client)
              .run(
                  new AuditRequest(
                      "app",
                      List.of(new InputReaders(Map.of()).read(req)),
                      List.of(t),
                      Set.of(),
                      false,
                      Optional.of(new TextSourceInspector()),
                      tmp));
      PackageReport p = inspected.get("pyyaml").orElseThrow();
      assertThat(p.status(t.label()).support()).isEqualTo(Support.PURE_FALLBACK);
      assertThat(p.sourceInspection().orElseThrow().evidence())
          .anyMatch(e -> e.contains("setup.py"));
      assertThat(index.hits("/files/pyyaml/" + sdist.getFileName())).isEqualTo(1);
    }
  }
}
