package dev.ftscout.deps.index;

import java.util.List;

/** A project's page on one index: its files and (PEP 700) its versions. */
public record ProjectPage(
    String name, String indexUrl, List<DistributionFile> files, List<String> versions) {
  public ProjectPage {
    files = List.copyOf(files);
    versions = List.copyOf(versions);
  }
}
