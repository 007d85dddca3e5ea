package dev.ftscout.runtime.discovery;

import java.nio.file.Path;

/**
 * A candidate that looked like an interpreter but could not be used, and why.
 *
 * @param path the candidate executable
 * @param origin where it was found
 * @param reason one line for the user
 */
public record DiscoveryProblem(Path path, Origin origin, String reason) {}
