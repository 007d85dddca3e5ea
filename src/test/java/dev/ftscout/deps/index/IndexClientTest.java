package dev.ftscout.deps.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftscout.deps.metadata.CoreMetadata;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index client against a real HTTP server on loopback, with faults injected. */
class IndexClientTest {
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

  private IndexClient client(Optional<Path> cache) {
    return client(IndexOptions.of(List.of(index.simpleUrl()), cache));
  }

  private IndexClient client(IndexOptions options) {
    return new IndexClient(options.withTimeouts(Duration.ofSeconds(2), 3), Clock.systemUTC());
  }

  @Test
  void readsJsonPagesWithYankedRequiresPythonAndMetadata() {
    try (IndexClient c = client(Optional.empty())) {
      ProjectPage page = c.page("FastJSON");
      assertThat(page.name()).isEqualTo("fastjson");
      assertThat(page.versions()).containsExactlyInAnyOrder("1.3.0", "1.4.0");
      DistributionFile yanked =
          page.files().stream()
              .filter(f -> f.filename().contains("1.3.0"))
              .findFirst()
              .orElseThrow();
      assertThat(yanked.yanked()).contains("broken release");
      assertThat(yanked.requiresPython()).contains(">=3.9");
      assertThat(yanked.url()).startsWith("http://127.0.0.1:").contains("/files/fastjson/");
      DistributionFile wheel = page.files().get(0);
      assertThat(wheel.coreMetadata()).isTrue();
      CoreMetadata md = c.metadata(wheel).orElseThrow();
      assertThat(md.name()).isEqualTo("fastjson");
      assertThat(index.hits("/files/fastjson/" + wheel.filename())).isZero();
    }
  }

  @Test
  void htmlPagesGiveTheSameFiles() {
    List<String> json;
    try (IndexClient c = client(Optional.empty())) {
      json =
          c.page("numpy").files().stream()
              .map(f -> f.filename() + f.requiresPython() + f.yanked())
              .toList();
    }
    index.htmlOnly(true);
    try (IndexClient c = client(Optional.empty())) {
      ProjectPage html = c.page("numpy");
      assertThat(
              html.files().stream()
                  .map(f -> f.filename() + f.requiresPython() + f.yanked())
                  .toList())
          .containsExactlyInAnyOrderElementsOf(json);
      assertThat(html.files()).allMatch(f -> !f.url().contains("#"));
      assertThat(html.files().get(0).hashes()).containsKey("sha256");
    }
  }

  @Test
  void unknownProjectGivesAnEmptyPage() {
    try (IndexClient c = client(Optional.empty())) {
      assertThat(c.page("no-such-project").files()).isEmpty();
    }
  }

  @Test
  void serverErrorsAreRetriedThenSucceed() {
    index.failNext("/simple/numpy/", 2);
    try (IndexClient c = client(Optional.empty())) {
      assertThat(c.page("numpy").files()).isNotEmpty();
    }
    assertThat(index.hits("/simple/numpy/")).isEqualTo(3);
  }

  @Test
  void retryAfterIsHonoured() {
    index.failNext("/simple/six/", 1).retryAfterSeconds("1");
    long start = System.nanoTime();
    try (IndexClient c = client(Optional.empty())) {
      assertThat(c.page("six").files()).isNotEmpty();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void persistentServerErrorsFailAfterTheRetries() {
    index.fault(LoopbackIndex.Fault.SERVER_ERROR);
    try (IndexClient c = client(Optional.empty())) {
      assertThatThrownBy(() -> c.page("six"))
          .isInstanceOf(IndexException.class)
          .hasMessageContaining("HTTP 500");
    }
    assertThat(index.hits("/simple/six/")).isEqualTo(4);
  }

  @Test
  void truncatedInvalidAndMistypedBodiesAreErrorsNotPages() {
    for (var fault :
        List.of(
            LoopbackIndex.Fault.TRUNCATED_JSON,
            LoopbackIndex.Fault.INVALID_JSON,
            LoopbackIndex.Fault.WRONG_CONTENT_TYPE)) {
      index.fault(fault);
      try (IndexClient c = client(Optional.of(tmp.resolve("cache-" + fault)))) {
        assertThatThrownBy(() -> c.page("six"))
            .isInstanceOf(IndexException.class)
            .hasMessageContaining(
                fault == LoopbackIndex.Fault.WRONG_CONTENT_TYPE ? "content type" : "JSON");
        assertThat(c.cache().orElseThrow().info().entries())
            .as("bad bodies are not cached")
            .isZero();
      }
    }
  }

  @Test
  void aHangingServerTimesOut() {
    index.fault(LoopbackIndex.Fault.HANG);
    IndexOptions o = IndexOptions.of(List.of(index.simpleUrl()), Optional.empty());
    try (IndexClient c =
        new IndexClient(o.withTimeouts(Duration.ofMillis(300), 1), Clock.systemUTC())) {
      assertThatThrownBy(() -> c.page("six"))
          .isInstanceOf(IndexException.class)
          .hasMessageContaining("Timeout");
    }
  }

  @Test
  void missingMetadataFallsBackToTheWheelItself() {
    index.metadataMissing(true);
    try (IndexClient c = client(Optional.empty())) {
      DistributionFile wheel =
          c.page("pandas").files().stream()
              .filter(DistributionFile::isWheel)
              .findFirst()
              .orElseThrow();
      CoreMetadata md = c.metadata(wheel).orElseThrow();
      assertThat(md.requiresDist()).contains("pytz>=2020.1");
      assertThat(index.hits("/files/pandas/" + wheel.filename())).isEqualTo(1);
      assertThat(c.warnings()).anyMatch(w -> w.contains("no PEP 658 metadata"));
    }
  }

  @Test
  void cachedPagesAreRevalidatedWithEtagsAndServedOffline() {
    Path cache = tmp.resolve("cache");
    try (IndexClient c = client(Optional.of(cache))) {
      c.page("six");
    }
    IndexOptions stale =
        IndexOptions.of(List.of(index.simpleUrl()), Optional.of(cache))
            .withPageMaxAge(Duration.ZERO);
    try (IndexClient c = client(stale)) {
      assertThat(c.page("six").files()).hasSize(2);
    }
    assertThat(index.hits("/simple/six/")).isEqualTo(2);
    assertThat(index.notModified()).as("the stored ETag revalidates the stale page").isEqualTo(1);
    try (IndexClient c = client(IndexOptions.of(List.of(index.simpleUrl()), Optional.of(cache)))) {
      c.page("six");
    }
    assertThat(index.hits("/simple/six/")).as("fresh entries need no request").isEqualTo(2);
    index.close();
    try (IndexClient c =
        client(IndexOptions.of(List.of(index.simpleUrl()), Optional.of(cache)).withOffline(true))) {
      assertThat(c.page("six").files()).hasSize(2);
      assertThat(c.page("numpy").files()).isEmpty();
      assertThat(c.missingOffline()).containsExactly("numpy");
    }
  }

  @Test
  void findLinksFoldersAddLocalWheels(@TempDir Path wheels) throws Exception {
    java.nio.file.Files.write(wheels.resolve("localpkg-1.0-py3-none-any.whl"), new byte[] {0});
    java.nio.file.Files.write(wheels.resolve("other-2.0.tar.gz"), new byte[] {0});
    java.nio.file.Files.write(wheels.resolve("python-dateutil-2.9.0.tar.gz"), new byte[] {0});
    IndexOptions o =
        IndexOptions.of(List.of(index.simpleUrl()), Optional.empty())
            .withFindLinks(List.of(wheels));
    try (IndexClient c = client(o)) {
      assertThat(c.page("LocalPkg").files())
          .extracting(DistributionFile::filename)
          .containsExactly("localpkg-1.0-py3-none-any.whl");
      assertThat(c.page("python-dateutil").files())
          .extracting(DistributionFile::filename)
          .contains("python-dateutil-2.9.0.tar.gz");
    }
  }
}
