package dev.ftscout.deps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.deps.index.IndexClient;
import dev.ftscout.deps.index.IndexOptions;
import dev.ftscout.deps.input.DependencyInput;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.source.GilDeclaration;
import dev.ftscout.deps.source.SourceInspection;
import dev.ftscout.deps.source.SourceInspector;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.TestVenvs;
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

/** The audit end to end: {@code examples/deps-demo} against the loopback index. */
class DemoProjectTest {
  private static final Target LINUX_314T = Target.parse("3.14t", "manylinux_2_28_x86_64");
  private static final Target LINUX_313T = Target.parse("3.13t", "manylinux_2_28_x86_64");
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

  private AuditResult audit(
      List<Target> targets, Optional<SourceInspector> inspector, Path... files) {
    InputReaders readers = new InputReaders(Map.of());
    List<DependencyInput> inputs = java.util.Arrays.stream(files).map(readers::read).toList();
    try (IndexClient client =
        new IndexClient(
            IndexOptions.of(List.of(index.simpleUrl()), Optional.of(tmp.resolve("cache"))),
            Clock.systemUTC())) {
      return new DependencyAudit(client)
          .run(new AuditRequest("myapp", inputs, targets, Set.of(), false, inspector, tmp));
    }
  }

  private static Path demo(String file) {
    return TestVenvs.basedir().resolve("examples/deps-demo").resolve(file);
  }

  @Test
  void lockedDemoShowsTheBlockerChainPerTarget() {
    AuditResult r =
        audit(
            List.of(LINUX_313T, LINUX_314T),
            Optional.empty(),
            demo("uv.lock"),
            demo("pyproject.toml"));
    assertThat(r.chains().stream().map(BlockerChain::render))
        .contains(
            "myapp → pandas 2.1.0 → numpy 1.26.4: no cp314t wheel; first free-threaded release 2.3.3",
            "myapp → pandas 2.1.0 → numpy 1.26.4: no cp313t wheel; first free-threaded release 2.1.0",
            "myapp → pandas 2.1.0: no cp314t wheel; first free-threaded release 2.3.3");
    r.chains().forEach(c -> System.out.println("demo chain: " + c.render()));
    r.plan().bumps().forEach(b -> System.out.println("demo bump: " + b));
    r.plan().conflicts().forEach(c -> System.out.println("demo conflict: " + c));
    r.plan().unfixable().forEach(u -> System.out.println("demo unfixable: " + u));
    PackageReport numpy = r.get("numpy").orElseThrow();
    assertThat(numpy.version()).isEqualTo("1.26.4");
    assertThat(numpy.fromLock()).isTrue();
    assertThat(numpy.direct()).isFalse();
    assertThat(numpy.binary()).isTrue();
    assertThat(numpy.newestRelease()).contains("2.3.3");
    assertThat(numpy.status(LINUX_314T.label()).support())
        .isEqualTo(Support.NO_FREE_THREADED_WHEEL);
  }

  @Test
  void packagesSupportingOnlyNewerTargetsAreReportedPerTarget() {
    AuditResult r =
        audit(
            List.of(LINUX_313T, LINUX_314T),
            Optional.empty(),
            demo("uv.lock"),
            demo("pyproject.toml"));
    PackageReport fastjson = r.get("fastjson").orElseThrow();
    assertThat(fastjson.status(LINUX_314T.label()).support())
        .isEqualTo(Support.FREE_THREADED_WHEEL);
    assertThat(fastjson.status(LINUX_314T.label()).wheels())
        .containsExactly(
            "fastjson-1.4.0-cp314-cp314t-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl");
    assertThat(fastjson.status(LINUX_313T.label()).support())
        .isEqualTo(Support.NO_FREE_THREADED_WHEEL);
    assertThat(fastjson.status(LINUX_313T.label()).firstFreeThreadedRelease()).isEmpty();
    assertThat(r.plan().unfixable()).anyMatch(s -> s.startsWith("fastjson 1.4.0"));
  }

  @Test
  void optionalAcceleratorsArePureFallbacksNotBlockers() {
    AuditResult r =
        audit(List.of(LINUX_314T), Optional.empty(), demo("uv.lock"), demo("pyproject.toml"));
    assertThat(r.get("charset-normalizer").orElseThrow().status(LINUX_314T.label()).support())
        .isEqualTo(Support.PURE_FALLBACK);
    assertThat(r.get("requests").orElseThrow().status(LINUX_314T.label()).support())
        .isEqualTo(Support.PURE_PYTHON);
    assertThat(r.get("pyyaml").orElseThrow().status(LINUX_314T.label()).support())
        .isEqualTo(Support.NO_FREE_THREADED_WHEEL);
  }

  @Test
  void sourceInspectionTurnsAPureFallbackSdistIntoNoBlocker() {
    SourceInspector saysPureFallback =
        (tree, project, version) ->
            new SourceInspection(GilDeclaration.NO, true, List.of(project + " " + version));
    AuditResult r =
        audit(
            List.of(LINUX_314T),
            Optional.of(saysPureFallback),
            demo("uv.lock"),
            demo("pyproject.toml"));
    assertThat(r.get("pyyaml").orElseThrow().status(LINUX_314T.label()).support())
        .isEqualTo(Support.PURE_FALLBACK);
  }

  @Test
  void upgradePlanBumpsNumpyAndPandasAndNamesTheProjectConstraintThatBlocks() {
    AuditResult r =
        audit(
            List.of(LINUX_313T, LINUX_314T),
            Optional.empty(),
            demo("uv.lock"),
            demo("pyproject.toml"));
    assertThat(r.plan().bumps())
        .extracting(UpgradePlan.Bump::name, UpgradePlan.Bump::from, UpgradePlan.Bump::to)
        .contains(
            org.assertj.core.groups.Tuple.tuple("numpy", "1.26.4", "2.3.3"),
            org.assertj.core.groups.Tuple.tuple("pandas", "2.1.0", "2.3.3"));
    UpgradePlan.Conflict c =
        r.plan().conflicts().stream()
            .filter(x -> x.name().equals("pandas"))
            .findFirst()
            .orElseThrow();
    assertThat(c.imposedBy()).isEqualTo("project");
    assertThat(c.constraint()).isEqualTo("<2.2,>=2.1");
    assertThat(c.at().orElseThrow().file().getFileName().toString()).isEqualTo("pyproject.toml");
    assertThat(c.at().orElseThrow().line()).isEqualTo(7);
  }
}
