package dev.ftscout.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command-line flags that override config. {@code select} replaces the config's list; {@code
 * ignore} and {@code exclude} extend it.
 */
public record CliOverrides(
    Optional<List<String>> select,
    List<String> ignore,
    List<String> exclude,
    Optional<FailOn> failOn,
    Optional<String> targetVersion,
    Optional<Path> baseline) {

  public CliOverrides {
    select = select.map(List::copyOf);
    ignore = List.copyOf(ignore);
    exclude = List.copyOf(exclude);
  }

  public static CliOverrides none() {
    return new CliOverrides(
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
