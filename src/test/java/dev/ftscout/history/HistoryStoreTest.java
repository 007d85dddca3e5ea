package dev.ftscout.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftscout.model.UserError;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history in a real SQLite file: save, list, load, diff, and refuse foreign schemas. */
class HistoryStoreTest {
  @TempDir Path dir;

  private static RunRecord run(
      String verdict, List<StoredFinding> findings, List<StoredDependency> deps) {
    return new RunRecord(
        new RunSummary(0, Instant.EPOCH, "/src/app", "abc123", "0.1.0", verdict, "static", 0),
        findings,
        deps,
        List.of("top reason of " + verdict),
        java.util.Map.of(
            "json", "{\"verdict\":\"" + verdict + "\"}", "text", "Verdict: " + verdict));
  }

  private static StoredFinding finding(String rule, int line, String fp) {
    return new StoredFinding(rule, "warning", "app/cache.py", line, "check-then-act", fp);
  }

  @Test
  void savesListsLoadsAndDiffsRuns() {
    Path db = dir.resolve("nested/history.sqlite");
    long first;
    long second;
    try (HistoryStore store = HistoryStore.open(db)) {
      first =
          store
              .save(
                  run(
                      "No",
                      List.of(finding("FT102", 10, "aaa"), finding("FT101", 20, "bbb")),
                      List.of(
                          new StoredDependency(
                              "numpy", "1.26.4", "3.14t", "no free-threaded wheel", false),
                          new StoredDependency("requests", "2.32.3", "3.14t", "pure Python", true),
                          new StoredDependency(
                              "ujson", "5.10.0", "3.14t", "no free-threaded wheel", false))),
                  Instant.parse("2026-01-01T10:00:00Z"))
              .id();
      second =
          store
              .save(
                  run(
                      "Maybe",
                      List.of(finding("FT101", 31, "bbb"), finding("FT103", 5, "ccc")),
                      List.of(
                          new StoredDependency(
                              "numpy", "2.1.0", "3.14t", "free-threaded wheel", true),
                          new StoredDependency("requests", "2.32.3", "3.14t", "pure Python", true),
                          new StoredDependency(
                              "orjson", "3.11.0", "3.14t", "free-threaded wheel", true))),
                  Instant.parse("2026-06-01T10:00:00Z"))
              .id();
    }
    try (HistoryStore store = HistoryStore.open(db)) {
      assertThat(store.list(Optional.empty(), 10))
          .extracting(RunSummary::id)
          .containsExactly(second, first);
      assertThat(store.list(Optional.of("/elsewhere"), 10)).isEmpty();
      RunRecord loaded = store.load(first).orElseThrow();
      assertThat(loaded.summary().findings()).isEqualTo(2);
      assertThat(loaded.summary().recordedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
      assertThat(loaded.renderings())
          .containsEntry("json", "{\"verdict\":\"No\"}")
          .containsEntry("text", "Verdict: No");
      assertThat(loaded.reasons()).containsExactly("top reason of No");

      RunDiff diff = store.diff(first, second);
      assertThat(diff.verdictChange()).contains("No → Maybe");
      assertThat(diff.newFindings()).extracting(StoredFinding::ruleId).containsExactly("FT103");
      assertThat(diff.fixedFindings()).extracting(StoredFinding::ruleId).containsExactly("FT102");
      assertThat(diff.dependencyChanges())
          .extracting(c -> c.name() + " " + c.becameReady() + " " + c.stoppedBeingReady())
          .containsExactly("numpy true false", "orjson true false", "ujson false false");
      assertThat(store.load(999)).isEmpty();
      assertThatThrownBy(() -> store.diff(first, 999))
          .isInstanceOf(UserError.class)
          .hasMessageEndingWith("no run 999 in history");
    }
  }

  @Test
  void refusesADatabaseOfAnotherSchemaVersion() throws Exception {
    Path db = dir.resolve("h.sqlite");
    HistoryStore.open(db).close();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var s = c.createStatement()) {
      s.execute("UPDATE meta SET value = '99' WHERE key = 'schema'");
    }
    assertThatThrownBy(() -> HistoryStore.open(db))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("history schema version 99");
  }

  @Test
  void notADatabaseIsAUserError() throws Exception {
    Path db = dir.resolve("junk.sqlite");
    java.nio.file.Files.writeString(db, "this is not sqlite, just text long enough to matter.....");
    assertThatThrownBy(() -> HistoryStore.open(db))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(db.toString());
  }
}
