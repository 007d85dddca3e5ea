package dev.ftscout.deps.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts {@code .tar.gz} and {@code .zip} source distributions without trusting them: entries
 * that would land outside the target folder (absolute paths, {@code ..}), links and special files
 * are refused, and the total size and file count are capped. Nothing extracted is executed.
 */
public final class SdistExtractor {
  private final long maxTotalBytes;
  private final int maxFiles;

  public SdistExtractor(long maxTotalBytes, int maxFiles) {
    this.maxTotalBytes = maxTotalBytes;
    this.maxFiles = maxFiles;
  }

  /** Extracts the archive into {@code dest}; throws {@link IOException} on a refused entry. */
  public Path extract(Path archive, Path dest) throws IOException {
    Files.createDirectories(dest);
    Path root = dest.toRealPath();
    String name = archive.getFileName().toString();
    long total = 0;
    int files = 0;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        ArchiveInputStream<? extends ArchiveEntry> in = open(name, raw)) {
      ArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e instanceof TarArchiveEntry t
            && (t.isSymbolicLink()
                || t.isLink()
                || t.isCharacterDevice()
                || t.isBlockDevice()
                || t.isFIFO())) {
          throw new IOException(name + ": refused link or special file " + e.getName());
        }
        Path target = root.resolve(e.getName()).normalize();
        if (e.getName().startsWith("/") || !target.startsWith(root)) {
          throw new IOException(name + ": refused path outside the archive root: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        if (++files > maxFiles) {
          throw new IOException(name + ": more than " + maxFiles + " files");
        }
        Path parent = target.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
          byte[] buf = new byte[8192];
          int n;
          while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxTotalBytes) {
              throw new IOException(name + ": larger than " + maxTotalBytes + " bytes unpacked");
            }
            out.write(buf, 0, n);
          }
        }
      }
    }
    return root;
  }

  private static ArchiveInputStream<? extends ArchiveEntry> open(String name, InputStream raw)
      throws IOException {
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return new TarArchiveInputStream(new GzipCompressorInputStream(raw));
    }
    if (name.endsWith(".zip")) {
      return new ZipArchiveInputStream(raw);
    }
    throw new IOException(name + ": not a .tar.gz or .zip source distribution");
  }
}
