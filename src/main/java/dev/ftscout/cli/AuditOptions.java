package dev.ftscout.cli;

import dev.ftscout.config.ConfigSchema;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** What the dependency audit checks against: the flags {@code deps} and {@code check} share. */
public final class AuditOptions {
  @Option(
      names = "--target",
      split = ",",
      paramLabel = "PYTHON",
      description =
          "Python versions to audit the dependencies for, e.g. 3.13t,3.14t (default: config"
              + " targets, else "
              + ConfigSchema.DEFAULT_DEPENDENCY_TARGET
              + ").")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--platform",
      split = ",",
      paramLabel = "TAG",
      description =
          "Platform tags to audit for, e.g. manylinux_2_28_x86_64,macosx_11_0_arm64,win_amd64"
              + " (default: config platforms, else this machine's).")
  List<String> platforms = new ArrayList<>();

  @Option(
      names = "--index-url",
      paramLabel = "URL",
      description = "The package index (simple API) to audit against; replaces every other.")
  @Nullable String indexUrl;

  @Option(
      names = "--offline",
      description = "Use only the index cache; report the packages it does not have.")
  boolean offline;
}
