package dev.ftscout.deps.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite cache shared by real separate JVMs, and surviving one killed in the middle. */
class HttpCacheProcessTest {
  @TempDir Path dir;

  private static Process writer(Path dir, String prefix, int count, int size) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            CacheWriterMain.class.getName(),
            dir.toString(),
            prefix,
            Integer.toString(count),
            Integer.toString(size))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static List<String> lines(Process p) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    return out;
  }

  private static void assertWhole(HttpCache cache, String prefix, int count, int size) {
    for (int i = 0; i < count; i++) {
      String url = "http://127.0.0.1/simple/" + prefix + "-" + i + "/";
      HttpCache.Entry e = cache.get(url).orElseThrow(() -> new AssertionError("missing " + url));
      assertThat(e.body()).isEqualTo(CacheWriterMain.bodyFor(url, size));
    }
  }

  @Test
  void twoProcessesAndThisOneWriteTheSameCacheAtOnce() throws Exception {
    Process a = writer(dir, "a", 300, 4096);
    Process b = writer(dir, "b", 300, 4096);
    try (HttpCache mine = HttpCache.open(dir)) {
      for (int i = 0; i < 300; i++) {
        String url = "http://127.0.0.1/simple/c-" + i + "/";
        mine.put(
            new HttpCache.Entry(
                url,
                200,
                "x",
                Optional.empty(),
                Optional.empty(),
                CacheWriterMain.bodyFor(url, 4096),
                i));
      }
      List<String> outA = lines(a);
      List<String> outB = lines(b);
      assertThat(a.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(b.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(a.exitValue()).isZero();
      assertThat(b.exitValue()).isZero();
      assertThat(outA.get(outA.size() - 1)).startsWith("done");
      assertThat(outB.get(outB.size() - 1)).startsWith("done");
      assertWhole(mine, "a", 300, 4096);
      assertWhole(mine, "b", 300, 4096);
      assertWhole(mine, "c", 300, 4096);
      assertThat(mine.info().entries()).isEqualTo(900);
    }
  }

  @Test
  void aProcessKilledMidWriteLeavesAReadableCorrectCache() throws Exception {
    Process p = writer(dir, "k", 0, 256 * 1024);
    int written = -1;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        written = Integer.parseInt(line.strip());
        if (written >= 40) {
          break;
        }
      }
      p.destroyForcibly();
      assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index-cache.sqlite"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    try (HttpCache cache = HttpCache.open(dir)) {
      assertWhole(cache, "k", written + 1, 256 * 1024);
      long entries = cache.info().entries();
      assertThat(entries).isBetween((long) written + 1, (long) written + 2);
      cache.put(
          new HttpCache.Entry(
              "u", 200, "x", Optional.empty(), Optional.empty(), new byte[] {1}, 1));
      assertThat(cache.get("u")).isPresent();
      cache.clean();
      assertThat(cache.info().entries()).isZero();
    }
  }

  @Test
  void aCacheOfAnotherSchemaVersionIsRebuilt() throws Exception {
    try (HttpCache cache = HttpCache.open(dir)) {
      cache.put(
          new HttpCache.Entry(
              "u", 200, "x", Optional.empty(), Optional.empty(), new byte[] {1}, 1));
    }
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index-cache.sqlite"));
        Statement s = c.createStatement()) {
      s.execute("UPDATE meta SET value='0' WHERE key='schema_version'");
    }
    try (HttpCache cache = HttpCache.open(dir)) {
      assertThat(cache.get("u")).isEmpty();
      assertThat(cache.info().schemaVersion()).isEqualTo(HttpCache.SCHEMA_VERSION);
    }
  }
}
