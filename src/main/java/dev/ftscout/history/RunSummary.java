package dev.ftscout.history;

import java.time.Instant;

/**
 * One recorded run, as {@code ftscout history} lists it.
 *
 * @param id the run's number in the store
 * @param recordedAt when it was saved
 * @param project the project root
 * @param gitCommit the project's commit, or empty outside git
 * @param toolVersion the ftscout version that made it
 * @param verdict No, Maybe or Yes
 * @param confidence static or verified
 * @param findings how many findings it reported
 */
public record RunSummary(
    long id,
    Instant recordedAt,
    String project,
    String gitCommit,
    String toolVersion,
    String verdict,
    String confidence,
    int findings) {}
