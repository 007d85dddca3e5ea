package dev.ftscout.deps.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A second process for cache tests: writes {@code count} entries named {@code prefix-i} (or keeps
 * writing when count is 0) into the cache folder, printing each finished index on stdout.
 */
public final class CacheWriterMain {
  private CacheWriterMain() {}

  /** The body every writer stores for a URL, so a reader can check it is whole. */
  public static byte[] bodyFor(String url, int size) {
    byte[] body = new byte[size];
    byte[] seed = url.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < size; i++) {
      body[i] = (byte) (seed[i % seed.length] + i);
    }
    return body;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    try (HttpCache cache = HttpCache.open(dir)) {
      for (int i = 0; count == 0 || i < count; i++) {
        String url = "http://127.0.0.1/simple/" + prefix + "-" + (i % 5000) + "/";
        cache.put(
            new HttpCache.Entry(
                url,
                200,
                "application/vnd.pypi.simple.v1+json",
                Optional.of("\"" + i + "\""),
                Optional.empty(),
                bodyFor(url, size),
                System.currentTimeMillis()));
        System.out.println(i);
        System.out.flush();
      }
    }
    System.out.println("done " + Arrays.toString(args));
  }
}
