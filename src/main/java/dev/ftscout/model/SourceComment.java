package dev.ftscout.model;

/**
 * A comment in a source file, as front ends hand them to the suppression logic.
 *
 * @param line 1-based line where the comment starts
 * @param text the comment text without its delimiters ({@code #}, {@code //}, {@code /* *\/})
 * @param ownLine true when nothing but whitespace precedes the comment on its line, so it applies
 *     to the next line
 */
public record SourceComment(int line, String text, boolean ownLine) {}
