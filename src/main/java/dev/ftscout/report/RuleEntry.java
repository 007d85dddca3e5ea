package dev.ftscout.report;

import dev.ftscout.model.RuleInfo;

/**
 * A rule as reports describe it: its metadata, its doc page and where that page is published.
 *
 * @param info the rule's declared metadata
 * @param helpMarkdown the doc page, or empty when unavailable
 * @param helpUri the published doc page
 */
public record RuleEntry(RuleInfo info, String helpMarkdown, String helpUri) {}
