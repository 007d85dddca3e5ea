package dev.ftscout.runtime.process;

import java.util.Map;
import java.util.Optional;

/** Names of the POSIX signals that end processes, for messages. */
public final class Signals {
  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(1, "SIGHUP"),
          Map.entry(2, "SIGINT"),
          Map.entry(3, "SIGQUIT"),
          Map.entry(4, "SIGILL"),
          Map.entry(5, "SIGTRAP"),
          Map.entry(6, "SIGABRT"),
          Map.entry(7, "SIGBUS"),
          Map.entry(8, "SIGFPE"),
          Map.entry(9, "SIGKILL"),
          Map.entry(11, "SIGSEGV"),
          Map.entry(13, "SIGPIPE"),
          Map.entry(14, "SIGALRM"),
          Map.entry(15, "SIGTERM"));

  private Signals() {}

  /** The conventional name of signal {@code n}, when it is one we name. */
  public static Optional<String> name(int n) {
    return Optional.ofNullable(NAMES.get(n));
  }
}
