package dev.ftscout.deps.tags;

import java.util.Locale;

/** One PEP 425 compatibility tag, lower-cased as {@code packaging.tags.Tag} does. */
public record Tag(String interpreter, String abi, String platform) {
  public Tag {
    interpreter = interpreter.toLowerCase(Locale.ROOT);
    abi = abi.toLowerCase(Locale.ROOT);
    platform = platform.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the ABI is a free-threaded CPython ABI ({@code cp313t}) or the PEP 803 {@code abi3t}.
   */
  public boolean isFreeThreadedAbi() {
    return abi.equals("abi3t") || (abi.startsWith("cp") && abi.endsWith("t") && abi.length() > 3);
  }

  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }
}
