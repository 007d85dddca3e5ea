package dev.ftscout.history;

/**
 * A finding as the history keeps it; runs are compared by {@link #fingerprint}, which survives line
 * shifts.
 */
public record StoredFinding(
    String ruleId, String severity, String path, int line, String message, String fingerprint) {}
