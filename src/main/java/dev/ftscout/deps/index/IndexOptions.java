package dev.ftscout.deps.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach the indexes: their simple-API base URLs (first is the default index, the rest are
 * extra indexes searched too), local wheel folders ({@code --find-links}), offline mode, the cache
 * folder (empty: no cache), parallelism, timeouts and retries, and how long a cached project page
 * is used without revalidation.
 */
public record IndexOptions(
    List<String> indexUrls,
    List<Path> findLinks,
    boolean offline,
    Optional<Path> cacheDir,
    int parallelism,
    Duration requestTimeout,
    int retries,
    Duration pageMaxAge) {
  public IndexOptions {
    indexUrls = List.copyOf(indexUrls);
    findLinks = List.copyOf(findLinks);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
  }

  /** Sensible defaults for the given indexes and cache. */
  public static IndexOptions of(List<String> indexUrls, Optional<Path> cacheDir) {
    return new IndexOptions(
        indexUrls,
        List.of(),
        false,
        cacheDir,
        64,
        Duration.ofSeconds(30),
        3,
        Duration.ofMinutes(10));
  }

  public IndexOptions withOffline(boolean value) {
    return new IndexOptions(
        indexUrls, findLinks, value, cacheDir, parallelism, requestTimeout, retries, pageMaxAge);
  }

  public IndexOptions withFindLinks(List<Path> dirs) {
    return new IndexOptions(
        indexUrls, dirs, offline, cacheDir, parallelism, requestTimeout, retries, pageMaxAge);
  }

  public IndexOptions withParallelism(int n) {
    return new IndexOptions(
        indexUrls, findLinks, offline, cacheDir, n, requestTimeout, retries, pageMaxAge);
  }

  public IndexOptions withTimeouts(Duration timeout, int retryCount) {
    return new IndexOptions(
        indexUrls, findLinks, offline, cacheDir, parallelism, timeout, retryCount, pageMaxAge);
  }

  public IndexOptions withPageMaxAge(Duration maxAge) {
    return new IndexOptions(
        indexUrls, findLinks, offline, cacheDir, parallelism, requestTimeout, retries, maxAge);
  }
}
