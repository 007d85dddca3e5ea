package dev.ftscout.deps.tags;

import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.Names;
import java.util.Optional;

/** A source distribution file name ({@code name-version.tar.gz} or {@code .zip}). */
public record SdistFilename(String name, Version version) {
  /** Parses as {@code packaging.utils.parse_sdist_filename}; empty when invalid. */
  public static Optional<SdistFilename> tryParse(String filename) {
    String stem;
    if (filename.endsWith(".tar.gz")) {
      stem = filename.substring(0, filename.length() - 7);
    } else if (filename.endsWith(".zip")) {
      stem = filename.substring(0, filename.length() - 4);
    } else {
      return Optional.empty();
    }
    int dash = stem.lastIndexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    return Version.tryParse(stem.substring(dash + 1))
        .map(v -> new SdistFilename(Names.canonicalize(stem.substring(0, dash)), v));
  }
}
