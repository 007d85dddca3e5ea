package dev.ftscout.deps.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real package data for tests: the PEP 691 pages and PEP 658 metadata of the projects listed in
 * {@code deps/realdata/projects.txt}, fetched once from the index the developer's pip uses into
 * {@code target/deps-realdata}.
 */
public final class RealPackageData {
  private final Path dir;
  private final Map<String, JsonNode> pages;

  private RealPackageData(Path dir, Map<String, JsonNode> pages) {
    this.dir = dir;
    this.pages = pages;
  }

  /** Fetches what is missing (with the {@code packaging} test venv's Python) and loads it. */
  public static RealPackageData load() {
    Path base = TestVenvs.basedir();
    Path dir = base.resolve("target/deps-realdata");
    Path python = TestVenvs.venv("packaging").python();
    try {
      Files.createDirectories(dir);
      try (FileChannel ch =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
          run(
              List.of(
                  python.toString(),
                  base.resolve("src/test/resources/deps/realdata/fetch_index_data.py").toString(),
                  dir.toString(),
                  base.resolve("src/test/resources/deps/realdata/projects.txt").toString()),
              base);
          Files.writeString(done, "ok");
        }
      }
      Map<String, JsonNode> pages = new TreeMap<>();
      ObjectMapper mapper = new ObjectMapper();
      try (Stream<Path> files = Files.list(dir.resolve("pages"))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          String name = p.getFileName().toString().replace(".json", "");
          pages.put(name, mapper.readTree(p.toFile()));
        }
      }
      return new RealPackageData(dir, pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void run(List<String> argv, Path cwd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().put("PIP_CACHE_DIR", cwd.resolve("target/pip-cache").toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException("failed: " + argv + "\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** The project names, sorted. */
  public List<String> projects() {
    return List.copyOf(pages.keySet());
  }

  /** The raw PEP 691 page of a project. */
  public JsonNode page(String project) {
    return java.util.Objects.requireNonNull(pages.get(project), project);
  }

  /** Every file name a project's page lists. */
  public List<String> filenames(String project) {
    List<String> out = new ArrayList<>();
    page(project).path("files").forEach(f -> out.add(f.path("filename").asText()));
    return out;
  }

  /** The {@code versions} list of a project's page (PEP 700), as published. */
  public List<String> versions(String project) {
    List<String> out = new ArrayList<>();
    page(project).path("versions").forEach(v -> out.add(v.asText()));
    return out;
  }

  /** The fetched core metadata files of a project. */
  public List<Path> metadataFiles(String project) {
    Path d = dir.resolve("metadata").resolve(project);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.toString().endsWith(".metadata")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
