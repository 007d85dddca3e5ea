package dev.ftscout.runtime.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The importable modules of an environment and the distributions they belong to.
 *
 * @param roots the site folders listed
 * @param topLevel top-level module name to the distributions that install it (several for namespace
 *     packages; none for modules no RECORD claims)
 * @param extensions dotted extension module name to its distribution, when one claims it
 */
public record Inventory(
    List<String> roots,
    Map<String, List<Distribution>> topLevel,
    Map<String, Optional<Distribution>> extensions) {

  /**
   * An installed distribution.
   *
   * @param name its name as METADATA spells it
   * @param version its version
   * @param metadata absolute path of its METADATA file, or empty when unknown
   */
  public record Distribution(String name, String version, String metadata) {}

  public Inventory {
    roots = List.copyOf(roots);
    topLevel = Map.copyOf(topLevel);
    extensions = Map.copyOf(extensions);
  }

  /**
   * The distribution a module (top-level or dotted) belongs to: the RECORD owner of an extension
   * module, else the first distribution of its top-level name.
   */
  public Optional<Distribution> owner(String module) {
    Optional<Distribution> ext = extensions.getOrDefault(module, Optional.empty());
    if (ext.isPresent()) {
      return ext;
    }
    int dot = module.indexOf('.');
    String top = dot < 0 ? module : module.substring(0, dot);
    return topLevel.getOrDefault(top, List.of()).stream().findFirst();
  }
}
