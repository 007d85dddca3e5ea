package dev.ftscout.rules;

import dev.ftscout.model.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rule doc pages ({@code docs/rules/FTxxx-name.md}), which the build copies into the jar, and
 * the public address of each page for SARIF's {@code helpUri}.
 */
public final class RuleDocs {
  /** Where the doc pages are published: the repository's {@code docs/rules/} folder. */
  public static final String BASE_URI = "https://github.com/ftscout/ftscout/blob/main/docs/rules/";

  private static final String RESOURCE_DIR = "/ftscout-docs/rules/";

  /** The markdown of a rule's doc page, when the jar has it. */
  public Optional<String> markdown(RuleInfo rule) {
    try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCE_DIR + rule.docFileName())) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The public address of a rule's doc page. */
  public String uri(RuleInfo rule) {
    return BASE_URI + rule.docFileName();
  }
}
