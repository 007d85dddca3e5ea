package dev.ftscout.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** ftscout's own version, as the build wrote it into the jar. */
public final class Version {
  private Version() {}

  /** The version, e.g. {@code 0.1.0}; {@code unknown} when run from unpackaged sources. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/ftscout-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
