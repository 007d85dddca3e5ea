package dev.ftscout.cli;

import dev.ftscout.model.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} for every command. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"ftscout " + Version.current()};
  }
}
