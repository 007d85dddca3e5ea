package dev.ftscout.runtime.discovery;

import java.nio.file.Path;

/**
 * An executable that may be a Python interpreter, before it is run.
 *
 * @param path the executable
 * @param origin where it was found
 */
public record Candidate(Path path, Origin origin) {}
