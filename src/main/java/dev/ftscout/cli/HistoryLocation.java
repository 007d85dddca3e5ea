package dev.ftscout.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the run history lives: {@code --history FILE}, else {@code FTSCOUT_HISTORY}, else {@code
 * $XDG_DATA_HOME/ftscout/history.sqlite} (by default {@code ~/.local/share/ftscout/}). One file
 * serves every project, so a platform team can compare many repositories.
 */
final class HistoryLocation {
  private HistoryLocation() {}

  static Path resolve(Terminal terminal, @Nullable Path flag) {
    if (flag != null) {
      return terminal.workingDir().resolve(flag);
    }
    Optional<String> env = terminal.env("FTSCOUT_HISTORY").filter(s -> !s.isBlank());
    if (env.isPresent()) {
      return terminal.workingDir().resolve(env.get());
    }
    Path data =
        terminal
            .env("XDG_DATA_HOME")
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElseGet(() ->
                Path.of(terminal.env("HOME").orElse(System.getProperty("user.home")))
                    .resolve(".local/share"));
    return data.resolve("ftscout").resolve("history.sqlite");
  }
}
