package dev.ftscout.deps.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The response cache: one SQLite database in WAL mode, keyed by URL, with the validators ({@code
 * ETag}, {@code Last-Modified}) needed to revalidate. Several ftscout processes may use it at once
 * (SQLite locking, a busy timeout); each write is one transaction, so a process killed mid-write
 * leaves the previous state. A database of another schema version is rebuilt.
 */
public final class HttpCache implements AutoCloseable {
  /**
   * Bumped whenever the table layout or the form of a stored body changes (2: project pages are
   * stored parsed, in a compact form).
   */
  public static final int SCHEMA_VERSION = 2;

  private final Path file;
  private final Connection db;

  /** A cached response. The body array is handed over, never mutated. */
  @SuppressWarnings("ArrayRecordComponent")
  public record Entry(
      String url,
      int status,
      String contentType,
      Optional<String> etag,
      Optional<String> lastModified,
      byte[] body,
      long storedAtMillis) {}

  /** What {@link #info()} reports. */
  public record CacheInfo(Path file, long entries, long bytes, int schemaVersion) {}

  private HttpCache(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  /** The default folder: {@code $XDG_CACHE_HOME/ftscout}, else {@code ~/.cache/ftscout}. */
  public static Path defaultDirectory(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CACHE_HOME");
    return xdg != null && !xdg.isBlank()
        ? Path.of(xdg).resolve("ftscout")
        : home.resolve(".cache").resolve("ftscout");
  }

  /** Opens (creating when needed) {@code index-cache.sqlite} in the folder. */
  public static HttpCache open(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("index-cache.sqlite");
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA busy_timeout = 30000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
      }
      HttpCache cache = new HttpCache(file, db);
      cache.migrate();
      return cache;
    } catch (IOException | SQLException e) {
      throw new IndexException("cannot open cache in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void migrate() throws SQLException {
    synchronized (this) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        int version = 0;
        try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key='schema_version'")) {
          if (rs.next()) {
            version = Integer.parseInt(rs.getString(1));
          }
        }
        if (version != SCHEMA_VERSION) {
          s.execute("DROP TABLE IF EXISTS responses");
          s.execute(
              "CREATE TABLE responses (url TEXT PRIMARY KEY, status INTEGER NOT NULL,"
                  + " content_type TEXT NOT NULL, etag TEXT, last_modified TEXT,"
                  + " body BLOB NOT NULL, stored_at INTEGER NOT NULL)");
          s.execute(
              "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '"
                  + SCHEMA_VERSION
                  + "')");
        }
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /** The cached response for a URL. */
  public synchronized Optional<Entry> get(String url) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT status, content_type, etag, last_modified, body, stored_at FROM responses"
                + " WHERE url = ?")) {
      ps.setString(1, url);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Entry(
                url,
                rs.getInt(1),
                rs.getString(2),
                Optional.ofNullable(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)),
                rs.getBytes(5),
                rs.getLong(6)));
      }
    } catch (SQLException e) {
      throw new IndexException("cache read failed: " + e.getMessage(), e);
    }
  }

  /** Stores (or replaces) a response in one transaction. */
  public synchronized void put(Entry e) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT OR REPLACE INTO responses(url, status, content_type, etag, last_modified,"
                + " body, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, e.url());
      ps.setInt(2, e.status());
      ps.setString(3, e.contentType());
      ps.setString(4, e.etag().orElse(null));
      ps.setString(5, e.lastModified().orElse(null));
      ps.setBytes(6, e.body());
      ps.setLong(7, e.storedAtMillis());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new IndexException("cache write failed: " + ex.getMessage(), ex);
    }
  }

  /** Marks a revalidated entry fresh again. */
  public synchronized void touch(String url, long now) {
    try (PreparedStatement ps =
        db.prepareStatement("UPDATE responses SET stored_at=? WHERE url=?")) {
      ps.setLong(1, now);
      ps.setString(2, url);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new IndexException("cache write failed: " + ex.getMessage(), ex);
    }
  }

  /** Number of entries and bytes stored. */
  public synchronized CacheInfo info() {
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*), coalesce(sum(length(body)), 0) FROM responses")) {
      rs.next();
      return new CacheInfo(file, rs.getLong(1), rs.getLong(2), SCHEMA_VERSION);
    } catch (SQLException e) {
      throw new IndexException("cache read failed: " + e.getMessage(), e);
    }
  }

  /** Removes every entry and gives the space back. */
  public synchronized void clean() {
    try (Statement s = db.createStatement()) {
      s.execute("DELETE FROM responses");
      s.execute("VACUUM");
    } catch (SQLException e) {
      throw new IndexException("cache clean failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IndexException("cache close failed: " + e.getMessage(), e);
    }
  }
}
