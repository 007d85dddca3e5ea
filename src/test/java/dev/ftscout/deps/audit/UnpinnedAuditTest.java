package dev.ftscout.deps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.deps.index.IndexClient;
import dev.ftscout.deps.index.IndexOptions;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpinned requirements: newest satisfying versions, markers per target, offline runs. */
class UnpinnedAuditTest {
  private static final Target LINUX = Target.parse("3.14t", "manylinux_2_28_x86_64");
  private static final Target WINDOWS = Target.parse("3.14t", "win_amd64");
  private LoopbackIndex index;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    index =
        LoopbackIndex.fromFixture(
                TestVenvs.basedir().resolve("src/test/resources/deps/index/demo-index.json"))
            .start();
  }

  @AfterEach
  void stop() {
    index.close();
  }

  private AuditResult audit(IndexOptions options, String requirements) throws Exception {
    Path req = Files.writeString(tmp.resolve("requirements.txt"), requirements);
    try (IndexClient client = new IndexClient(options, Clock.systemUTC())) {
      return new DependencyAudit(client)
          .run(
              new AuditRequest(
                  "svc",
                  List.of(new InputReaders(Map.of()).read(req)),
                  List.of(LINUX, WINDOWS),
                  Set.of(),
                  false,
                  Optional.empty(),
                  tmp));
    }
  }

  private static final String REQUIREMENTS =
      """
      pandas>=2.2
      requests
      pywin32>=306; sys_platform == 'win32'
      git+https://git.example.invalid/acme/x.git#egg=x
      """;

  @Test
  void newestVersionsAreChosenAndMarkersApplyPerTarget() throws Exception {
    AuditResult r =
        audit(IndexOptions.of(List.of(index.simpleUrl()), Optional.empty()), REQUIREMENTS);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("unpinned inputs"));
    PackageReport pandas = r.get("pandas").orElseThrow();
    assertThat(pandas.version()).isEqualTo("2.3.3");
    assertThat(pandas.fromLock()).isFalse();
    assertThat(pandas.declaredAt().orElseThrow().line()).isEqualTo(1);
    assertThat(r.get("numpy").orElseThrow().version()).isEqualTo("2.3.3");
    assertThat(r.get("numpy").orElseThrow().status(WINDOWS.label()).wheels())
        .containsExactly("numpy-2.3.3-cp314-cp314t-win_amd64.whl");
    assertThat(r.get("six").orElseThrow().requiredBy()).containsExactly("python-dateutil");
    PackageReport pywin32 = r.get("pywin32").orElseThrow();
    assertThat(pywin32.status(LINUX.label()).support()).isEqualTo(Support.NOT_REQUIRED);
    assertThat(pywin32.status(WINDOWS.label()).support()).isEqualTo(Support.NOT_FOUND);
    assertThat(r.get("x").orElseThrow().status(LINUX.label()).support())
        .isEqualTo(Support.NOT_CHECKED);
    assertThat(r.chains()).isEmpty();
    assertThat(r.get("pyarrow")).as("extras not asked for are not followed").isEmpty();
  }

  @Test
  void aProjectConstraintThatKeepsABlockerIsNamedWithItsLine() throws Exception {
    AuditResult r =
        audit(IndexOptions.of(List.of(index.simpleUrl()), Optional.empty()), "requests\nnumpy<2\n");
    assertThat(r.get("numpy").orElseThrow().version()).isEqualTo("1.26.4");
    assertThat(r.chains().stream().map(BlockerChain::render))
        .contains("svc → numpy 1.26.4: no cp314t wheel; first free-threaded release 2.3.3");
    UpgradePlan.Conflict c = r.plan().conflicts().get(0);
    assertThat(c.name()).isEqualTo("numpy");
    assertThat(c.constraint()).isEqualTo("<2");
    assertThat(c.at().orElseThrow().line()).isEqualTo(2);
    assertThat(r.plan().bumps())
        .as("the bump is listed; the conflict says what forbids it")
        .extracting(UpgradePlan.Bump::name, UpgradePlan.Bump::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("numpy", "2.3.3"));
  }

  @Test
  void offlineRunsAnswerFromTheCacheAndNameWhatIsMissing() throws Exception {
    Path cache = tmp.resolve("cache");
    AuditResult online =
        audit(IndexOptions.of(List.of(index.simpleUrl()), Optional.of(cache)), "pandas>=2.2\n");
    int requests = index.requests();
    AuditResult offline =
        audit(
            IndexOptions.of(List.of(index.simpleUrl()), Optional.of(cache)).withOffline(true),
            "pandas>=2.2\n");
    assertThat(index.requests()).isEqualTo(requests);
    assertThat(offline.packages()).hasSameSizeAs(online.packages());
    assertThat(offline.missingOffline()).isEmpty();
    AuditResult empty =
        audit(
            IndexOptions.of(List.of(index.simpleUrl()), Optional.of(tmp.resolve("empty")))
                .withOffline(true),
            "pandas>=2.2\nrequests\n");
    assertThat(empty.missingOffline()).containsExactlyInAnyOrder("pandas", "requests");
    assertThat(empty.get("pandas").orElseThrow().status(LINUX.label()).support())
        .isEqualTo(Support.NOT_FOUND);
  }
}
