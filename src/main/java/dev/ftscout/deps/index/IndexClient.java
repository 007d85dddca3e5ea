package dev.ftscout.deps.index;

import dev.ftscout.deps.metadata.CoreMetadata;
import dev.ftscout.deps.pep508.Names;
import dev.ftscout.deps.tags.SdistFilename;
import dev.ftscout.deps.tags.WheelFilename;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The one network client of the dependency audit: reads project pages (PEP 691 JSON, PEP 503 HTML
 * fallback) and core metadata (PEP 658/714) from the configured indexes and local wheel folders,
 * through the cache. At most {@code parallelism} requests run at once over keep-alive connections;
 * 5xx answers, 429 and connection errors are retried with exponential back-off and {@code
 * Retry-After} honoured. Offline, only the cache answers and misses are recorded.
 *
 * <p>Methods block and are safe to call from many threads at once.
 */
public final class IndexClient implements AutoCloseable {
  private static final String ACCEPT =
      PageParser.JSON_TYPE + ", application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";
  private static final long MAX_METADATA_BYTES = 16L << 20;
  private static final long MAX_WHEEL_FALLBACK_BYTES = 64L << 20;

  private final IndexOptions options;
  private final Optional<HttpCache> cache;
  private final HttpClient http;
  private final ExecutorService executor;
  private final Semaphore permits;
  private final Clock clock;
  private final PageParser parser = new PageParser();
  private final Set<String> missingOffline = ConcurrentHashMap.newKeySet();
  private final Set<String> warnings = ConcurrentHashMap.newKeySet();

  /** Builds a client; the cache is opened when {@code options.cacheDir()} is set. */
  public IndexClient(IndexOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.cache = options.cacheDir().map(HttpCache::open);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.permits = new Semaphore(options.parallelism());
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(options.requestTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public IndexOptions options() {
    return options;
  }

  /** Projects asked for offline that the cache did not have. */
  public Set<String> missingOffline() {
    return Set.copyOf(missingOffline);
  }

  /** Problems met that did not stop the audit (an index that failed, a fallback used). */
  public List<String> warnings() {
    return warnings.stream().sorted().toList();
  }

  /** The cache, when one is configured (for {@code cache info|clean}). */
  public Optional<HttpCache> cache() {
    return cache;
  }

  /**
   * The project's files from every configured index and local folder, merged; a project no index
   * knows gives a page without files. Throws {@link IndexException} when an index fails after
   * retries.
   */
  public ProjectPage page(String project) {
    String name = Names.canonicalize(project);
    List<DistributionFile> files = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    String first = "";
    for (String base : options.indexUrls()) {
      String url = base.endsWith("/") ? base + name + "/" : base + "/" + name + "/";
      if (first.isEmpty()) {
        first = url;
      }
      Optional<ProjectPage> page = fetchPage(name, url);
      page.ifPresent(p -> {
        files.addAll(p.files());
        versions.addAll(p.versions());
      });
    }
    for (Path dir : options.findLinks()) {
      files.addAll(localFiles(dir, name));
    }
    return new ProjectPage(name, first, files, versions.stream().distinct().toList());
  }

  /**
   * One index's page of a project, through the cache. The cache keeps the parsed page in {@link
   * PageCodec}'s compact form with the response's validators, so a warm run parses no JSON.
   */
  private Optional<ProjectPage> fetchPage(String name, String url) {
    Optional<HttpCache.Entry> cached = cache.flatMap(c -> c.get(url));
    if (cached.isPresent()) {
      HttpCache.Entry e = cached.get();
      boolean fresh = clock.millis() - e.storedAtMillis() < options.pageMaxAge().toMillis();
      if (fresh || options.offline()) {
        return cachedPage(name, url, e);
      }
    }
    if (options.offline()) {
      missingOffline.add(name);
      return Optional.empty();
    }
    java.util.concurrent.atomic.AtomicReference<ProjectPage> parsed =
        new java.util.concurrent.atomic.AtomicReference<>();
    Response r =
        send(url, ACCEPT, cached, b -> parsed.set(parser.parse(name, url, b.type, b.bytes)));
    if (r.status == 304 && cached.isPresent()) {
      cache.ifPresent(c -> c.touch(url, clock.millis()));
      return cachedPage(name, url, cached.get());
    }
    ProjectPage page = parsed.get();
    if (r.status == 200 && page != null) {
      cache.ifPresent(c ->
          c.put(
              new HttpCache.Entry(
                  url,
                  200,
                  PageCodec.CONTENT_TYPE,
                  r.etag,
                  r.modified,
                  PageCodec.encode(page),
                  clock.millis())));
      return Optional.of(page);
    }
    if (r.status == 404) {
      cache.ifPresent(c ->
          c.put(
              new HttpCache.Entry(
                  url, 404, "", Optional.empty(), Optional.empty(), new byte[0], clock.millis())));
    }
    return Optional.empty();
  }

  private Optional<ProjectPage> cachedPage(String name, String url, HttpCache.Entry e) {
    if (e.status() != 200) {
      return Optional.empty();
    }
    return Optional.of(
        e.contentType().equals(PageCodec.CONTENT_TYPE)
            ? PageCodec.decode(e.body())
            : parser.parse(name, url, e.contentType(), e.body()));
  }

  private static List<DistributionFile> localFiles(Path dir, String name) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String f = p.getFileName().toString();
                Optional<String> project =
                    f.endsWith(".whl")
                        ? WheelFilename.tryParse(f).map(WheelFilename::name)
                        : SdistFilename.tryParse(f).map(SdistFilename::name);
                return project.map(name::equals).orElse(false);
              })
          .sorted()
          .map(p ->
              new DistributionFile(
                  p.getFileName().toString(),
                  p.toUri().toString(),
                  java.util.Map.of(),
                  Optional.empty(),
                  Optional.empty(),
                  false,
                  p.toFile().length(),
                  Optional.empty()))
          .toList();
    } catch (IOException e) {
      throw new IndexException("cannot list find-links folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The core metadata of a wheel: the PEP 658 file beside it, or (when the index serves none) the
   * wheel's own {@code METADATA}, read from the local file or downloaded as a last resort.
   */
  public Optional<CoreMetadata> metadata(DistributionFile file) {
    if (file.url().startsWith("file:")) {
      return readWheelMetadata(Path.of(URI.create(file.url())));
    }
    Optional<Response> r = fetch(file.url() + ".metadata", "*/*", true, b -> {});
    if (r.isPresent() && r.get().status == 200) {
      return Optional.of(CoreMetadata.parse(new String(r.get().bytes, StandardCharsets.UTF_8)));
    }
    if (!file.isWheel() || options.offline() || (file.size() > MAX_WHEEL_FALLBACK_BYTES)) {
      return Optional.empty();
    }
    warnings.add("no PEP 658 metadata for " + file.filename() + ": read from the wheel");
    Optional<Response> wheel = fetch(file.url(), "*/*", true, b -> {});
    if (wheel.isEmpty() || wheel.get().status != 200) {
      return Optional.empty();
    }
    return metadataFromZip(new ByteArrayInputStream(wheel.get().bytes));
  }

  private static Optional<CoreMetadata> readWheelMetadata(Path wheel) {
    if (!wheel.getFileName().toString().endsWith(".whl")) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(wheel)) {
      return metadataFromZip(in);
    } catch (IOException e) {
      throw new IndexException("cannot read " + wheel + ": " + e.getMessage(), e);
    }
  }

  private static Optional<CoreMetadata> metadataFromZip(InputStream in) {
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String n = e.getName();
        if (n.endsWith(".dist-info/METADATA") && n.indexOf('/') == n.lastIndexOf('/')) {
          byte[] data = zip.readNBytes((int) MAX_METADATA_BYTES);
          return Optional.of(CoreMetadata.parse(new String(data, StandardCharsets.UTF_8)));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new IndexException("not a readable wheel: " + e.getMessage(), e);
    }
  }

  /** Downloads a file (an sdist for source inspection) into {@code dir}; never cached. */
  public Path download(DistributionFile file, Path dir, long maxBytes) {
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(Path.of(file.filename()).getFileName().toString());
      if (file.url().startsWith("file:")) {
        return Files.copy(Path.of(URI.create(file.url())), target);
      }
      if (options.offline()) {
        throw new IndexException("offline: cannot download " + file.filename());
      }
      Response r = send(file.url(), "*/*", Optional.empty(), b -> {});
      if (r.status != 200) {
        throw new IndexException(file.url() + ": HTTP " + r.status);
      }
      if (r.bytes.length > maxBytes) {
        throw new IndexException(file.filename() + " is larger than " + maxBytes + " bytes");
      }
      Files.write(target, r.bytes);
      return target;
    } catch (IOException e) {
      throw new IndexException("cannot store " + file.filename() + ": " + e.getMessage(), e);
    }
  }

  /** A body with its type and status. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Response(
      int status, String type, byte[] bytes, Optional<String> etag, Optional<String> modified) {
    Response(int status, String type, byte[] bytes) {
      this(status, type, bytes, Optional.empty(), Optional.empty());
    }
  }

  /** A body handed to a validator before it is cached, so a bad body is retried, not stored. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Body(String type, byte[] bytes) {}

  private Optional<Response> fetch(
      String url, String accept, boolean immutable, Consumer<Body> validate) {
    long now = clock.millis();
    Optional<HttpCache.Entry> cached = cache.flatMap(c -> c.get(url));
    if (cached.isPresent()) {
      HttpCache.Entry e = cached.get();
      boolean fresh = immutable || now - e.storedAtMillis() < options.pageMaxAge().toMillis();
      if (fresh || options.offline()) {
        return Optional.of(new Response(e.status(), e.contentType(), e.body()));
      }
    }
    if (options.offline()) {
      return Optional.empty();
    }
    Response r = send(url, accept, cached, b -> validate.accept(b));
    if (r.status == 304 && cached.isPresent()) {
      cache.ifPresent(c -> c.touch(url, clock.millis()));
      HttpCache.Entry e = cached.get();
      return Optional.of(new Response(e.status(), e.contentType(), e.body()));
    }
    if (r.status == 200 || r.status == 404) {
      cache.ifPresent(c ->
          c.put(
              new HttpCache.Entry(
                  url, r.status, r.type, r.etag, r.modified, r.bytes, clock.millis())));
    }
    return Optional.of(r);
  }

  private Response send(
      String url, String accept, Optional<HttpCache.Entry> cached, Consumer<Body> validate) {
    IndexException last = null;
    for (int attempt = 0; attempt <= options.retries(); attempt++) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(options.requestTimeout())
              .header("Accept", accept)
              .header("User-Agent", "ftscout");
      cached.flatMap(HttpCache.Entry::etag).ifPresent(v -> b.header("If-None-Match", v));
      cached
          .flatMap(HttpCache.Entry::lastModified)
          .ifPresent(v -> b.header("If-Modified-Since", v));
      Duration wait = Duration.ofMillis(100L << attempt);
      try {
        permits.acquire();
        HttpResponse<byte[]> resp;
        try {
          resp = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } finally {
          permits.release();
        }
        int status = resp.statusCode();
        if (status >= 500 || status == 429) {
          last = new IndexException(url + ": HTTP " + status);
          wait = retryAfter(resp).orElse(wait);
        } else if (status == 200) {
          String type = resp.headers().firstValue("Content-Type").orElse("");
          try {
            validate.accept(new Body(type, resp.body()));
          } catch (IndexException bad) {
            last = bad;
            sleep(wait);
            continue;
          }
          return new Response(
              200,
              type,
              resp.body(),
              resp.headers().firstValue("ETag"),
              resp.headers().firstValue("Last-Modified"));
        } else if (status == 304 || status == 404 || status == 410) {
          return new Response(status == 410 ? 404 : status, "", new byte[0]);
        } else {
          throw new IndexException(url + ": HTTP " + status);
        }
      } catch (IOException e) {
        last =
            new IndexException(url + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexException(url + ": interrupted", e);
      }
      if (attempt < options.retries()) {
        sleep(wait);
      }
    }
    throw last == null ? new IndexException(url + ": failed") : last;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> resp) {
    return resp.headers()
        .firstValue("Retry-After")
        .flatMap(v -> {
          try {
            return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(v.trim()), 30)));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        });
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException("interrupted", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.close();
    cache.ifPresent(HttpCache::close);
  }
}
