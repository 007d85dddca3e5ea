package dev.ftscout.deps.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftscout.deps.testdata.RealDistributions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe extraction of real and hostile source archives. */
class SdistExtractorTest {
  @TempDir Path tmp;
  private final SdistExtractor extractor = new SdistExtractor(10L << 20, 2000);

  private Path tarGz(String name, TarArchiveEntry... entries) throws IOException {
    Path p = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(p);
        var gz = new GzipCompressorOutputStream(out);
        var tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (TarArchiveEntry e : entries) {
        byte[] body = "x".repeat((int) e.getSize()).getBytes(StandardCharsets.UTF_8);
        tar.putArchiveEntry(e);
        if (e.isFile()) {
          tar.write(body);
        }
        tar.closeArchiveEntry();
      }
    }
    return p;
  }

  private static TarArchiveEntry file(String name, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(size);
    return e;
  }

  @Test
  void aRealSdistDownloadedWithPipExtractsAndIsInspected() throws IOException {
    Path sdist = RealDistributions.sdist("pyyaml==6.0.2");
    Path tree = new SdistExtractor(200L << 20, 20_000).extract(sdist, tmp.resolve("out"));
    assertThat(tree.resolve("pyyaml-6.0.2/setup.py")).isRegularFile();
    SourceInspection i = new TextSourceInspector().inspect(tree, "pyyaml", "6.0.2");
    assertThat(i.pureFallback()).isTrue();
    assertThat(i.declaration()).isEqualTo(GilDeclaration.NO);
    assertThat(i.evidence()).anyMatch(e -> e.contains("_yaml.pyx"));
  }

  @Test
  void pathTraversalIsRefused() throws IOException {
    Path evil =
        tarGz("evil-1.0.tar.gz", file("evil-1.0/ok.txt", 2), file("evil-1.0/../../escape.txt", 2));
    assertThatThrownBy(() -> extractor.extract(evil, tmp.resolve("out")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside");
    assertThat(tmp.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void absolutePathsAndLinksAreRefused() throws IOException {
    TarArchiveEntry link = new TarArchiveEntry("l-1.0/link", TarArchiveEntry.LF_SYMLINK);
    link.setLinkName("/etc/passwd");
    Path linked = tarGz("l-1.0.tar.gz", link);
    assertThatThrownBy(() -> extractor.extract(linked, tmp.resolve("a")))
        .hasMessageContaining("link");
    Path zip = tmp.resolve("z-1.0.zip");
    try (var out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
      out.putArchiveEntry(new ZipArchiveEntry("/tmp/abs.txt"));
      out.write(new byte[] {1});
      out.closeArchiveEntry();
    }
    assertThatThrownBy(() -> extractor.extract(zip, tmp.resolve("b")))
        .hasMessageContaining("outside");
  }

  @Test
  void sizeAndCountLimitsHold() throws IOException {
    Path big = tarGz("big-1.0.tar.gz", file("big-1.0/a", 6 << 20), file("big-1.0/b", 6 << 20));
    assertThatThrownBy(() -> extractor.extract(big, tmp.resolve("c")))
        .hasMessageContaining("larger than");
    TarArchiveEntry[] many = new TarArchiveEntry[2001];
    for (int i = 0; i < many.length; i++) {
      many[i] = file("many-1.0/f" + i, 1);
    }
    Path lots = tarGz("many-1.0.tar.gz", many);
    assertThatThrownBy(() -> extractor.extract(lots, tmp.resolve("d")))
        .hasMessageContaining("more than 2000 files");
  }
}
