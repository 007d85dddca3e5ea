package dev.ftscout.cli;

import dev.ftscout.deps.index.HttpCache;
import dev.ftscout.deps.index.IndexException;
import dev.ftscout.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ftscout cache info|clean}: the package-index cache that {@code deps} keeps. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show or empty the package-index cache of `ftscout deps`: project pages and core metadata,"
          + " in $XDG_CACHE_HOME/ftscout (else ~/.cache/ftscout)."
    },
    subcommands = {CacheCommand.Info.class, CacheCommand.Clean.class})
public final class CacheCommand implements Runnable {
  @SuppressWarnings("NullAway.Init") // injected by picocli before run()
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: info or clean");
  }

  /** Where the cache lives for this terminal's environment. */
  static Path directory(Terminal terminal) {
    Path home =
        terminal
            .env("HOME")
            .filter(h -> !h.isBlank())
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home")));
    return HttpCache.defaultDirectory(terminal.env(), home);
  }

  static String size(long bytes) {
    return bytes < 1024 * 1024
        ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  /** {@code ftscout cache info}. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = "Where the cache is, how many responses it keeps and how big they are.")
  public static final class Info implements Callable<Integer> {
    private final Terminal terminal;

    public Info(Terminal terminal, Components components) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      Path dir = directory(terminal);
      Path file = dir.resolve("index-cache.sqlite");
      if (!Files.isRegularFile(file)) {
        terminal.out().println("No cache yet at " + file);
        return 0;
      }
      try (HttpCache cache = HttpCache.open(dir)) {
        HttpCache.CacheInfo info = cache.info();
        terminal.out().println("Cache: " + info.file());
        terminal
            .out()
            .println(
                "Entries: "
                    + info.entries()
                    + " ("
                    + size(info.bytes())
                    + "), schema version "
                    + info.schemaVersion());
      } catch (IndexException e) {
        throw new UserError(file + ": " + e.getMessage(), e);
      }
      return 0;
    }
  }

  /** {@code ftscout cache clean}. */
  @Command(
      name = "clean",
      mixinStandardHelpOptions = true,
      description = "Remove every cached response.")
  public static final class Clean implements Callable<Integer> {
    private final Terminal terminal;

    public Clean(Terminal terminal, Components components) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      Path dir = directory(terminal);
      Path file = dir.resolve("index-cache.sqlite");
      if (!Files.isRegularFile(file)) {
        terminal.out().println("No cache at " + file + "; nothing to remove");
        return 0;
      }
      try (HttpCache cache = HttpCache.open(dir)) {
        HttpCache.CacheInfo before = cache.info();
        cache.clean();
        terminal
            .out()
            .println(
                "Removed "
                    + before.entries()
                    + " entries ("
                    + size(before.bytes())
                    + ") from "
                    + before.file());
      } catch (IndexException e) {
        throw new UserError(file + ": " + e.getMessage(), e);
      }
      return 0;
    }
  }
}
