package dev.ftscout.deps.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compact form in which the cache keeps a parsed project page, so that a warm audit reads a few
 * kilobytes per project instead of re-parsing the index's JSON or HTML (a large project's page is
 * hundreds of kilobytes). File URLs share long prefixes and are stored as the length of the prefix
 * shared with the previous URL plus the rest.
 */
final class PageCodec {
  /** The content type under which the cache stores a page in this form. */
  static final String CONTENT_TYPE = "application/x-ftscout-page; v=1";

  private static final int MAGIC = 0x46545031; // "FTP1"

  private PageCodec() {}

  static byte[] encode(ProjectPage page) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + page.files().size() * 96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeUTF(page.name());
      out.writeUTF(page.indexUrl());
      out.writeInt(page.versions().size());
      for (String v : page.versions()) {
        out.writeUTF(v);
      }
      out.writeInt(page.files().size());
      String previousUrl = "";
      for (DistributionFile f : page.files()) {
        out.writeUTF(f.filename());
        int shared = sharedPrefix(previousUrl, f.url());
        out.writeShort(shared);
        out.writeUTF(f.url().substring(shared));
        previousUrl = f.url();
        out.writeByte(f.hashes().size());
        for (Map.Entry<String, String> h : f.hashes().entrySet()) {
          out.writeUTF(h.getKey());
          out.writeUTF(h.getValue());
        }
        optional(out, f.requiresPython());
        optional(out, f.yanked());
        out.writeBoolean(f.coreMetadata());
        out.writeLong(f.size());
        optional(out, f.uploadTime());
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a page; throws {@link IndexException} when the bytes are not a page of this form. */
  static ProjectPage decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new IndexException("cached page in an unknown form");
      }
      String name = in.readUTF();
      String indexUrl = in.readUTF();
      int versionCount = in.readInt();
      List<String> versions = new ArrayList<>(versionCount);
      for (int i = 0; i < versionCount; i++) {
        versions.add(in.readUTF());
      }
      int fileCount = in.readInt();
      List<DistributionFile> files = new ArrayList<>(fileCount);
      String previousUrl = "";
      for (int i = 0; i < fileCount; i++) {
        String filename = in.readUTF();
        int shared = in.readUnsignedShort();
        String url = previousUrl.substring(0, shared) + in.readUTF();
        previousUrl = url;
        int hashCount = in.readUnsignedByte();
        Map<String, String> hashes;
        if (hashCount == 1) {
          hashes = Map.of(in.readUTF(), in.readUTF());
        } else {
          Map<String, String> h = new LinkedHashMap<>();
          for (int k = 0; k < hashCount; k++) {
            h.put(in.readUTF(), in.readUTF());
          }
          hashes = h;
        }
        Optional<String> requiresPython = optional(in);
        Optional<String> yanked = optional(in);
        boolean coreMetadata = in.readBoolean();
        long size = in.readLong();
        Optional<String> uploaded = optional(in);
        files.add(
            new DistributionFile(
                filename, url, hashes, requiresPython, yanked, coreMetadata, size, uploaded));
      }
      return new ProjectPage(name, indexUrl, files, versions);
    } catch (IOException | StringIndexOutOfBoundsException e) {
      throw new IndexException("cached page is damaged: " + e.getMessage(), e);
    }
  }

  private static int sharedPrefix(String a, String b) {
    int max = Math.min(Math.min(a.length(), b.length()), 0xFFFF);
    int i = 0;
    while (i < max && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      out.writeUTF(value.get());
    }
  }

  private static Optional<String> optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
  }
}
