package dev.ftscout.history;

/**
 * A dependency's state for one target in one run.
 *
 * @param name normalised distribution name
 * @param version the version evaluated
 * @param target e.g. {@code 3.14t}
 * @param status e.g. {@code free-threaded wheel}, {@code no free-threaded wheel}, {@code pure
 *     Python}, {@code slower without its extension}, {@code unknown}
 * @param ready whether it works on the target
 */
public record StoredDependency(
    String name, String version, String target, String status, boolean ready) {}
