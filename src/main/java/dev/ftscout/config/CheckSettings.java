package dev.ftscout.config;

import java.util.Optional;

/**
 * The runtime parts {@code ftscout check} runs without being asked on the command line, so a
 * project can make its checks verified by default.
 *
 * @param probe import every installed module in a free-threaded interpreter
 * @param test the test command to run with and without the GIL and under thread stress
 * @param bench measure the single-thread tax and thread scaling
 */
public record CheckSettings(boolean probe, Optional<String> test, boolean bench) {
  /** No runtime part unless a flag asks for it. */
  public static CheckSettings none() {
    return new CheckSettings(false, Optional.empty(), false);
  }
}
