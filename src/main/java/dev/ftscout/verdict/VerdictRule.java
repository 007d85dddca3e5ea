package dev.ftscout.verdict;

import java.util.Optional;
import java.util.function.Function;

/**
 * One rule of the verdict rubric: looks at the facts and may give a reason pointing to No, Maybe or
 * Yes. Every rule is listed in {@link VerdictRules} and documented in {@code docs/verdict.md}.
 *
 * @param id stable id, e.g. {@code V01}
 * @param name kebab-case name
 * @param pointsTo the verdict its reason argues for
 * @param description when it fires, one sentence (the doc page repeats it)
 * @param evaluate the rule itself
 */
public record VerdictRule(
    String id,
    String name,
    Verdict pointsTo,
    String description,
    Function<VerdictInput, Optional<Reason>> evaluate) {}
