package dev.ftscout.python;

/**
 * A {@code #} comment, kept beside the tree so rules can read suppression comments such as {@code #
 * ftscout: ignore[FT101]}. {@code column} is the 0-based UTF-8 byte offset of the {@code #}; {@code
 * text} starts with {@code #} and excludes the line end.
 */
public record Comment(int line, int column, String text) {}
