package dev.ftscout.deps.testindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ftscout.deps.pep508.Names;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A real simple-repository index on 127.0.0.1 for tests: PEP 691 JSON and PEP 503 HTML project
 * pages, PEP 658 {@code .metadata} files, file downloads, ETag revalidation, and fault injection
 * (latency, 5xx with {@code Retry-After}, hangs, truncated or invalid JSON, wrong content type, 404
 * for metadata). Reusable by the CLI tests: build it, {@link #start()}, point the client at {@link
 * #simpleUrl()}.
 */
public final class LoopbackIndex implements AutoCloseable {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Map<String, Release>> projects = new ConcurrentHashMap<>();
  private final Map<String, Path> realFiles = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private volatile long latencyMillis;
  private volatile Fault fault = Fault.NONE;
  private volatile boolean htmlOnly;
  private volatile boolean metadataMissing;
  private volatile String retryAfter = "";
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final Map<String, byte[]> jsonPages = new ConcurrentHashMap<>();
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;

  /** A release: files, metadata fields, requires-python, whether yanked. */
  public record Release(
      List<String> files,
      List<String> requiresDist,
      Optional<String> requiresPython,
      List<String> classifiers,
      boolean yanked) {
    public Release {
      files = List.copyOf(files);
      requiresDist = List.copyOf(requiresDist);
      classifiers = List.copyOf(classifiers);
    }
  }

  /** Kinds of injected page faults. */
  public enum Fault {
    NONE,
    SERVER_ERROR,
    TRUNCATED_JSON,
    INVALID_JSON,
    WRONG_CONTENT_TYPE,
    HANG
  }

  /** Adds one release of a project. */
  public LoopbackIndex add(String project, String version, Release release) {
    jsonPages.remove(Names.canonicalize(project));
    projects
        .computeIfAbsent(Names.canonicalize(project), k -> new ConcurrentHashMap<>())
        .put(version, release);
    return this;
  }

  /** Serves a real file (a wheel or sdist downloaded with pip) under its own name. */
  public LoopbackIndex addRealFile(
      String project, String version, Path file, List<String> requiresDist) {
    realFiles.put(file.getFileName().toString(), file);
    jsonPages.remove(Names.canonicalize(project));
    Map<String, Release> releases =
        projects.computeIfAbsent(Names.canonicalize(project), k -> new ConcurrentHashMap<>());
    Release old = releases.get(version);
    List<String> files = new ArrayList<>(old == null ? List.of() : old.files());
    files.add(file.getFileName().toString());
    releases.put(version, new Release(files, requiresDist, Optional.empty(), List.of(), false));
    return this;
  }

  /**
   * Loads a JSON fixture of projects (see {@code src/test/resources/deps/index/demo-index.json}).
   */
  public static LoopbackIndex fromFixture(Path json) {
    LoopbackIndex index = new LoopbackIndex();
    try {
      JsonNode root = new ObjectMapper().readTree(json.toFile());
      root.path("projects")
          .properties()
          .forEach(p ->
              p.getValue()
                  .properties()
                  .forEach(r -> {
                    JsonNode rel = r.getValue();
                    List<String> files = new ArrayList<>();
                    rel.path("files").forEach(f -> files.add(f.asText()));
                    List<String> reqs = new ArrayList<>();
                    rel.path("requires_dist").forEach(f -> reqs.add(f.asText()));
                    List<String> cls = new ArrayList<>();
                    rel.path("classifiers").forEach(f -> cls.add(f.asText()));
                    Optional<String> rp =
                        rel.path("requires_python").isTextual()
                            ? Optional.of(rel.path("requires_python").asText())
                            : Optional.empty();
                    index.add(
                        p.getKey(),
                        r.getKey(),
                        new Release(files, reqs, rp, cls, rel.path("yanked").asBoolean(false)));
                  }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return index;
  }

  /** Renders every JSON page now, so a benchmark does not time the server's own work. */
  public LoopbackIndex prepare() {
    projects.forEach(
        (name, releases) -> jsonPages.computeIfAbsent(name, n -> jsonPage(n, releases)));
    return this;
  }

  /** Starts serving on 127.0.0.1 and an ephemeral port. */
  public LoopbackIndex start() {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      ExecutorService e = Executors.newVirtualThreadPerTaskExecutor();
      s.setExecutor(e);
      s.createContext("/", this::handle);
      s.start();
      server = s;
      executor = e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * The environment of a command-line user whose home and caches are under {@code dir}, no colour,
   * and uv's default index pointing here: how the CLI tests run {@code deps} and {@code check}.
   */
  public Map<String, String> userEnvironment(Path dir) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("NO_COLOR", "1");
    env.put("HOME", dir.resolve("home").toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    env.put("UV_DEFAULT_INDEX", simpleUrl());
    env.put("PATH", System.getenv("PATH"));
    return env;
  }

  /** The simple API base, e.g. {@code http://127.0.0.1:PORT/simple/}. */
  public String simpleUrl() {
    HttpServer s = server;
    if (s == null) {
      throw new IllegalStateException("not started");
    }
    return "http://127.0.0.1:" + s.getAddress().getPort() + "/simple/";
  }

  public LoopbackIndex latency(long millis) {
    latencyMillis = millis;
    return this;
  }

  /** Every page request gets this fault, until {@link #failNext} counts run out or it is reset. */
  public LoopbackIndex fault(Fault f) {
    fault = f;
    return this;
  }

  /** The next {@code n} requests of paths containing {@code pathPart} answer 500 (or the fault). */
  public LoopbackIndex failNext(String pathPart, int n) {
    failures.put(pathPart, new AtomicInteger(n));
    return this;
  }

  public LoopbackIndex retryAfterSeconds(String value) {
    retryAfter = value;
    return this;
  }

  public LoopbackIndex htmlOnly(boolean value) {
    htmlOnly = value;
    return this;
  }

  /** Makes every {@code .metadata} request answer 404, as an index without PEP 658 does. */
  public LoopbackIndex metadataMissing(boolean value) {
    metadataMissing = value;
    return this;
  }

  /** How many requests reached a path (exact match). */
  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** Page requests answered 304 Not Modified because the client sent the current ETag. */
  public int notModified() {
    return notModified.get();
  }

  /** All requests served so far. */
  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = URLDecoder.decode(ex.getRequestURI().getPath(), StandardCharsets.UTF_8);
      requests.incrementAndGet();
      hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      if (latencyMillis > 0) {
        sleep(latencyMillis);
      }
      for (var f : failures.entrySet()) {
        if (path.contains(f.getKey()) && f.getValue().getAndDecrement() > 0) {
          if (!retryAfter.isEmpty()) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
          }
          send(ex, 503, "text/plain", "unavailable".getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
      if (path.startsWith("/simple/")) {
        page(ex, path.substring("/simple/".length()).replace("/", ""));
      } else if (path.startsWith("/files/")) {
        file(ex, path.substring("/files/".length()));
      } else {
        send(ex, 404, "text/plain", new byte[0]);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void page(HttpExchange ex, String rawName) throws IOException {
    String name = Names.canonicalize(rawName);
    Map<String, Release> releases = projects.get(name);
    if (releases == null) {
      send(ex, 404, "text/plain", new byte[0]);
      return;
    }
    String accept = ex.getRequestHeaders().getFirst("Accept");
    boolean json =
        !htmlOnly && accept != null && accept.contains("application/vnd.pypi.simple.v1+json");
    byte[] body =
        json
            ? jsonPages.computeIfAbsent(name, n -> jsonPage(n, releases))
            : htmlPage(name, releases);
    String type = json ? "application/vnd.pypi.simple.v1+json" : "text/html; charset=utf-8";
    switch (fault) {
      case SERVER_ERROR -> {
        send(ex, 500, "text/plain", new byte[0]);
        return;
      }
      case TRUNCATED_JSON -> body = java.util.Arrays.copyOf(body, body.length / 2);
      case INVALID_JSON -> body = "{\"files\": [ {\"filename\": ".getBytes(StandardCharsets.UTF_8);
      case WRONG_CONTENT_TYPE -> type = "application/octet-stream";
      case HANG -> sleep(60_000);
      case NONE -> {}
    }
    String etag = "\"" + sha256(body).substring(0, 16) + "\"";
    ex.getResponseHeaders().add("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.incrementAndGet();
      ex.sendResponseHeaders(304, -1);
      return;
    }
    send(ex, 200, type, body);
  }

  private byte[] jsonPage(String name, Map<String, Release> releases) {
    ObjectNode root = mapper.createObjectNode();
    root.putObject("meta").put("api-version", "1.1");
    root.put("name", name);
    ArrayNode files = root.putArray("files");
    ArrayNode versions = root.putArray("versions");
    for (var r : releases.entrySet()) {
      versions.add(r.getKey());
      for (String f : r.getValue().files()) {
        ObjectNode file = files.addObject();
        file.put("filename", f);
        file.put("url", "../../files/" + name + "/" + f);
        file.putObject("hashes").put("sha256", sha256(f.getBytes(StandardCharsets.UTF_8)));
        r.getValue()
            .requiresPython()
            .ifPresentOrElse(
                rp -> file.put("requires-python", rp), () -> file.putNull("requires-python"));
        if (r.getValue().yanked()) {
          file.put("yanked", "broken release");
        } else {
          file.put("yanked", false);
        }
        if (f.endsWith(".whl")) {
          file.putObject("core-metadata")
              .put("sha256", sha256(metadata(name, r.getKey(), r.getValue())));
        } else {
          file.put("core-metadata", false);
        }
        file.put("size", 1000);
      }
    }
    try {
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] htmlPage(String name, Map<String, Release> releases) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
    for (var r : releases.entrySet()) {
      for (String f : r.getValue().files()) {
        sb.append("<a href=\"/files/")
            .append(name)
            .append('/')
            .append(f)
            .append("#sha256=")
            .append(sha256(f.getBytes(StandardCharsets.UTF_8)))
            .append('"');
        r.getValue()
            .requiresPython()
            .ifPresent(rp ->
                sb.append(" data-requires-python=\"")
                    .append(rp.replace(">", "&gt;").replace("<", "&lt;"))
                    .append('"'));
        if (r.getValue().yanked()) {
          sb.append(" data-yanked=\"broken release\"");
        }
        if (f.endsWith(".whl")) {
          sb.append(" data-core-metadata=\"true\"");
        }
        sb.append('>').append(f).append("</a><br/>\n");
      }
    }
    return sb.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] metadata(String name, String version, Release r) {
    StringBuilder sb =
        new StringBuilder("Metadata-Version: 2.1\nName: ")
            .append(name)
            .append("\nVersion: ")
            .append(version)
            .append('\n');
    r.requiresPython().ifPresent(rp -> sb.append("Requires-Python: ").append(rp).append('\n'));
    r.classifiers().forEach(c -> sb.append("Classifier: ").append(c).append('\n'));
    r.requiresDist().forEach(d -> sb.append("Requires-Dist: ").append(d).append('\n'));
    return sb.append("\nA test package served by LoopbackIndex.\n")
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private void file(HttpExchange ex, String rest) throws IOException {
    int slash = rest.indexOf('/');
    String name = slash < 0 ? "" : rest.substring(0, slash);
    String filename = slash < 0 ? rest : rest.substring(slash + 1);
    boolean wantMetadata = filename.endsWith(".metadata");
    String distName =
        wantMetadata ? filename.substring(0, filename.length() - ".metadata".length()) : filename;
    Map<String, Release> releases = projects.getOrDefault(name, Map.of());
    for (var r : releases.entrySet()) {
      if (!r.getValue().files().contains(distName)) {
        continue;
      }
      if (wantMetadata) {
        if (metadataMissing || !distName.endsWith(".whl")) {
          send(ex, 404, "text/plain", new byte[0]);
        } else {
          send(ex, 200, "text/plain", metadata(name, r.getKey(), r.getValue()));
        }
        return;
      }
      Path real = realFiles.get(distName);
      if (real != null) {
        send(ex, 200, "application/octet-stream", Files.readAllBytes(real));
      } else if (distName.endsWith(".whl")) {
        send(
            ex,
            200,
            "application/octet-stream",
            syntheticWheel(name, r.getKey(), r.getValue(), distName));
      } else if (distName.endsWith(".tar.gz")) {
        send(
            ex,
            200,
            "application/octet-stream",
            syntheticSdist(name, r.getKey(), r.getValue(), distName));
      } else {
        send(ex, 404, "text/plain", new byte[0]);
      }
      return;
    }
    send(ex, 404, "text/plain", new byte[0]);
  }

  private byte[] syntheticWheel(String name, String version, Release r, String filename)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String distInfo = filename.split("-")[0] + "-" + version + ".dist-info/";
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(distInfo + "METADATA"));
      zip.write(metadata(name, version, r));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(distInfo + "WHEEL"));
      zip.write("Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** A minimal sdist: PKG-INFO and one C extension source without a GIL declaration. */
  private byte[] syntheticSdist(String name, String version, Release r, String filename)
      throws IOException {
    String root = filename.substring(0, filename.length() - ".tar.gz".length()) + "/";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out);
        var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gz)) {
      for (var e :
          Map.of(
                  root + "PKG-INFO",
                  metadata(name, version, r),
                  root + "src/_speedups.c",
                  "static PyModuleDef_Slot slots[] = {{0, NULL}};\n"
                      .getBytes(StandardCharsets.UTF_8))
              .entrySet()) {
        var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    HttpServer s = server;
    ExecutorService e = executor;
    if (s != null) {
      s.stop(0);
    }
    if (e != null) {
      e.shutdownNow();
    }
  }
}
