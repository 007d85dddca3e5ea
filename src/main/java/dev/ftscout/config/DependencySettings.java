package dev.ftscout.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings of the dependency audit from {@code [tool.ftscout]}: where the package index is,
 * which targets to audit, and whether to read sdists' extension sources. Empty values leave the
 * choice to the command line, then to the user's pip and uv configuration, then to defaults.
 *
 * @param indexUrl the default index's simple-API URL
 * @param extraIndexUrls further indexes searched as well
 * @param findLinks local folders of wheels and sdists (absolute)
 * @param targets Python versions to audit, e.g. {@code 3.14t}
 * @param platforms platform tags to audit, e.g. {@code manylinux_2_28_x86_64}
 * @param inspectSources whether to download sdists and read their extension sources
 */
public record DependencySettings(
    Optional<String> indexUrl,
    List<String> extraIndexUrls,
    List<Path> findLinks,
    List<String> targets,
    List<String> platforms,
    boolean inspectSources) {

  public DependencySettings {
    extraIndexUrls = List.copyOf(extraIndexUrls);
    findLinks = List.copyOf(findLinks);
    targets = List.copyOf(targets);
    platforms = List.copyOf(platforms);
  }

  /** Nothing configured. */
  public static DependencySettings none() {
    return new DependencySettings(
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), false);
  }
}
