package dev.ftscout.history;

import dev.ftscout.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The local history of {@code check --save} runs, in one SQLite file (WAL mode, so several ftscout
 * processes can read while one writes). The schema version lives in the database; a file written by
 * a newer ftscout is refused instead of misread.
 */
public final class HistoryStore implements AutoCloseable {
  /** Bumped on any change to the tables below. */
  static final int SCHEMA_VERSION = 1;

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, recorded_at TEXT NOT"
        + " NULL, project TEXT NOT NULL, git_commit TEXT NOT NULL, tool_version TEXT NOT NULL,"
        + " verdict TEXT NOT NULL, confidence TEXT NOT NULL, finding_count INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS runs_project ON runs (project, id)",
    "CREATE TABLE IF NOT EXISTS findings (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE"
        + " CASCADE, rule_id TEXT NOT NULL, severity TEXT NOT NULL, path TEXT NOT NULL, line"
        + " INTEGER NOT NULL, message TEXT NOT NULL, fingerprint TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS findings_run ON findings (run_id)",
    "CREATE TABLE IF NOT EXISTS dependencies (run_id INTEGER NOT NULL REFERENCES runs(id) ON"
        + " DELETE CASCADE, name TEXT NOT NULL, version TEXT NOT NULL, target TEXT NOT NULL, status"
        + " TEXT NOT NULL, ready INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS dependencies_run ON dependencies (run_id)",
    "CREATE TABLE IF NOT EXISTS reasons (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE"
        + " CASCADE, position INTEGER NOT NULL, text TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS renderings (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE"
        + " CASCADE, format TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (run_id, format))"
  };

  private final Path file;
  private final Connection db;

  private HistoryStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  /** Opens (creating when missing) the history database at {@code file}. */
  public static HistoryStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA foreign_keys = ON");
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
      }
      HistoryStore store = new HistoryStore(file, db);
      store.checkVersion();
      return store;
    } catch (SQLException e) {
      throw new UserError(file + ": cannot open history database: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UserError(file + ": cannot create history folder: " + e.getMessage(), e);
    }
  }

  private void checkVersion() throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT value FROM meta WHERE key = 'schema'");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        try (PreparedStatement ins =
            db.prepareStatement("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)")) {
          ins.setString(1, String.valueOf(SCHEMA_VERSION));
          ins.executeUpdate();
        }
        return;
      }
      int found = Integer.parseInt(rs.getString(1));
      if (found != SCHEMA_VERSION) {
        throw new UserError(
            file
                + ": history schema version "
                + found
                + " is not the one this ftscout reads ("
                + SCHEMA_VERSION
                + ")");
      }
    }
  }

  /** Saves a run and returns it with its id and time. */
  public RunSummary save(RunRecord run, Instant now) {
    try {
      db.setAutoCommit(false);
      long id;
      try (PreparedStatement ins =
          db.prepareStatement(
              "INSERT INTO runs (recorded_at, project, git_commit, tool_version, verdict,"
                  + " confidence, finding_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        RunSummary s = run.summary();
        ins.setString(1, now.toString());
        ins.setString(2, s.project());
        ins.setString(3, s.gitCommit());
        ins.setString(4, s.toolVersion());
        ins.setString(5, s.verdict());
        ins.setString(6, s.confidence());
        ins.setInt(7, run.findings().size());
        ins.executeUpdate();
        try (ResultSet keys = ins.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      try (PreparedStatement ins =
          db.prepareStatement(
              "INSERT INTO findings (run_id, rule_id, severity, path, line, message, fingerprint)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (StoredFinding f : run.findings()) {
          ins.setLong(1, id);
          ins.setString(2, f.ruleId());
          ins.setString(3, f.severity());
          ins.setString(4, f.path());
          ins.setInt(5, f.line());
          ins.setString(6, f.message());
          ins.setString(7, f.fingerprint());
          ins.addBatch();
        }
        ins.executeBatch();
      }
      try (PreparedStatement ins =
          db.prepareStatement(
              "INSERT INTO dependencies (run_id, name, version, target, status, ready) VALUES (?,"
                  + " ?, ?, ?, ?, ?)")) {
        for (StoredDependency d : run.dependencies()) {
          ins.setLong(1, id);
          ins.setString(2, d.name());
          ins.setString(3, d.version());
          ins.setString(4, d.target());
          ins.setString(5, d.status());
          ins.setInt(6, d.ready() ? 1 : 0);
          ins.addBatch();
        }
        ins.executeBatch();
      }
      try (PreparedStatement ins =
          db.prepareStatement("INSERT INTO reasons (run_id, position, text) VALUES (?, ?, ?)")) {
        for (int i = 0; i < run.reasons().size(); i++) {
          ins.setLong(1, id);
          ins.setInt(2, i);
          ins.setString(3, run.reasons().get(i));
          ins.addBatch();
        }
        ins.executeBatch();
      }
      try (PreparedStatement ins =
          db.prepareStatement("INSERT INTO renderings (run_id, format, body) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, String> r : new java.util.TreeMap<>(run.renderings()).entrySet()) {
          ins.setLong(1, id);
          ins.setString(2, r.getKey());
          ins.setString(3, r.getValue());
          ins.addBatch();
        }
        ins.executeBatch();
      }
      db.commit();
      return load(id).orElseThrow().summary();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException(file + ": cannot save run: " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  /** Runs, newest first; only those of {@code project} when given. */
  public List<RunSummary> list(Optional<String> project, int limit) {
    String sql =
        "SELECT id, recorded_at, project, git_commit, tool_version, verdict, confidence,"
            + " finding_count FROM runs"
            + (project.isPresent() ? " WHERE project = ?" : "")
            + " ORDER BY id DESC LIMIT ?";
    try (PreparedStatement q = db.prepareStatement(sql)) {
      int i = 1;
      if (project.isPresent()) {
        q.setString(i++, project.get());
      }
      q.setInt(i, limit);
      List<RunSummary> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(summary(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(file + ": cannot list runs: " + e.getMessage(), e);
    }
  }

  /** One run with everything saved for it. */
  public Optional<RunRecord> load(long id) {
    try {
      RunSummary summary;
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT id, recorded_at, project, git_commit, tool_version, verdict, confidence,"
                  + " finding_count FROM runs WHERE id = ?")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          summary = summary(rs);
        }
      }
      Map<String, String> renderings = new LinkedHashMap<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT format, body FROM renderings WHERE run_id = ? ORDER BY format")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            renderings.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      List<StoredFinding> findings = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT rule_id, severity, path, line, message, fingerprint FROM findings WHERE"
                  + " run_id = ? ORDER BY path, line, rule_id")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            findings.add(
                new StoredFinding(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getString(6)));
          }
        }
      }
      List<StoredDependency> deps = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT name, version, target, status, ready FROM dependencies WHERE run_id = ?"
                  + " ORDER BY name, target")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            deps.add(
                new StoredDependency(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5) != 0));
          }
        }
      }
      List<String> reasons = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement("SELECT text FROM reasons WHERE run_id = ? ORDER BY position")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            reasons.add(rs.getString(1));
          }
        }
      }
      return Optional.of(new RunRecord(summary, findings, deps, reasons, renderings));
    } catch (SQLException e) {
      throw new IllegalStateException(file + ": cannot read run " + id + ": " + e.getMessage(), e);
    }
  }

  /** What changed from run {@code older} to run {@code newer}. */
  public RunDiff diff(long older, long newer) {
    RunRecord a =
        load(older).orElseThrow(() -> new UserError(file + ": no run " + older + " in history"));
    RunRecord b =
        load(newer).orElseThrow(() -> new UserError(file + ": no run " + newer + " in history"));
    return diff(a, b);
  }

  /** What changed between two loaded runs. */
  static RunDiff diff(RunRecord a, RunRecord b) {
    Map<String, Integer> before = countByFingerprint(a.findings());
    Map<String, Integer> after = countByFingerprint(b.findings());
    List<StoredFinding> added = new ArrayList<>();
    Map<String, Integer> left = new HashMap<>(before);
    for (StoredFinding f : b.findings()) {
      int n = left.getOrDefault(f.fingerprint(), 0);
      if (n > 0) {
        left.put(f.fingerprint(), n - 1);
      } else {
        added.add(f);
      }
    }
    List<StoredFinding> fixed = new ArrayList<>();
    Map<String, Integer> remaining = new HashMap<>(after);
    for (StoredFinding f : a.findings()) {
      int n = remaining.getOrDefault(f.fingerprint(), 0);
      if (n > 0) {
        remaining.put(f.fingerprint(), n - 1);
      } else {
        fixed.add(f);
      }
    }
    Map<String, StoredDependency> depsBefore = byKey(a.dependencies());
    Map<String, StoredDependency> depsAfter = byKey(b.dependencies());
    TreeSet<String> keys = new TreeSet<>(depsBefore.keySet());
    keys.addAll(depsAfter.keySet());
    List<RunDiff.DependencyChange> changes = new ArrayList<>();
    for (String key : keys) {
      Optional<StoredDependency> x = Optional.ofNullable(depsBefore.get(key));
      Optional<StoredDependency> y = Optional.ofNullable(depsAfter.get(key));
      if (!x.equals(y)) {
        StoredDependency any = x.or(() -> y).orElseThrow();
        changes.add(new RunDiff.DependencyChange(any.name(), any.target(), x, y));
      }
    }
    Optional<String> verdictChange =
        a.summary().verdict().equals(b.summary().verdict())
            ? Optional.empty()
            : Optional.of(a.summary().verdict() + " → " + b.summary().verdict());
    return new RunDiff(a.summary(), b.summary(), added, fixed, changes, verdictChange);
  }

  private static Map<String, Integer> countByFingerprint(List<StoredFinding> findings) {
    Map<String, Integer> counts = new HashMap<>();
    findings.forEach(f -> counts.merge(f.fingerprint(), 1, Integer::sum));
    return counts;
  }

  private static Map<String, StoredDependency> byKey(List<StoredDependency> deps) {
    Map<String, StoredDependency> map = new LinkedHashMap<>();
    deps.forEach(d -> map.put(d.name() + "\u0000" + d.target(), d));
    return map;
  }

  private static RunSummary summary(ResultSet rs) throws SQLException {
    return new RunSummary(
        rs.getLong(1),
        Instant.parse(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getInt(8));
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // The original failure is what the caller reports.
    }
  }

  private void autoCommit() {
    try {
      db.setAutoCommit(true);
    } catch (SQLException ignored) {
      // The connection is unusable; the next statement reports it.
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IllegalStateException(file + ": cannot close history database", e);
    }
  }
}
