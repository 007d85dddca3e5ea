package dev.ftscout.verdict;

/**
 * Something to do next, with the exact command when there is one.
 *
 * @param action what to do, one sentence
 * @param command a command line to run, or empty
 */
public record NextStep(String action, String command) {}
