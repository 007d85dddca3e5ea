package dev.ftscout.model;

/**
 * A file the scan could not read or chose not to analyse, with the reason; counted and reported,
 * never fatal.
 *
 * @param path display path, relative to the project root
 * @param reason one line, e.g. {@code not valid UTF-8 at byte 1042}
 */
public record SkippedFile(String path, String reason) {}
