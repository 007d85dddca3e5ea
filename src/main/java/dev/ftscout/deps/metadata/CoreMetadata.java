package dev.ftscout.deps.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a core metadata file ({@code METADATA}, {@code PKG-INFO}, a PEP 658 {@code
 * .metadata} file) that the audit reads. The format is RFC 822 headers; continuation lines start
 * with whitespace; the body after the first blank line is the description and is skipped.
 */
public record CoreMetadata(
    String name,
    String version,
    List<String> requiresDist,
    Optional<String> requiresPython,
    List<String> providesExtra,
    List<String> classifiers) {
  public CoreMetadata {
    requiresDist = List.copyOf(requiresDist);
    providesExtra = List.copyOf(providesExtra);
    classifiers = List.copyOf(classifiers);
  }

  /** The classifier prefix maintainers use to state free-threading support. */
  public static final String FREE_THREADING_CLASSIFIER =
      "Programming Language :: Python :: Free Threading :: ";

  /** Parses the text; unknown fields are ignored, a missing name or version gives "". */
  public static CoreMetadata parse(String text) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String key = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\r\n|\n|\r", -1)) {
      if (line.isEmpty()) {
        break;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && key != null) {
        value.append('\n').append(line.strip());
        continue;
      }
      if (key != null) {
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value.toString().strip());
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        key = null;
        continue;
      }
      key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      value = new StringBuilder(line.substring(colon + 1));
    }
    if (key != null) {
      fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value.toString().strip());
    }
    return new CoreMetadata(
        first(fields, "name").orElse(""),
        first(fields, "version").orElse(""),
        fields.getOrDefault("requires-dist", List.of()),
        first(fields, "requires-python"),
        fields.getOrDefault("provides-extra", List.of()),
        fields.getOrDefault("classifier", List.of()));
  }

  private static Optional<String> first(Map<String, List<String>> fields, String key) {
    List<String> v = fields.get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The maintainer's free-threading claim ({@code 2 - Beta}), when a classifier states one. */
  public Optional<String> freeThreadingClaim() {
    return classifiers.stream()
        .filter(c -> c.startsWith(FREE_THREADING_CLASSIFIER))
        .map(c -> c.substring(FREE_THREADING_CLASSIFIER.length()).strip())
        .findFirst();
  }
}
