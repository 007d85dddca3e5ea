package dev.ftscout.deps.index;

import java.util.Map;
import java.util.Optional;

/**
 * One file of a project as the index lists it (PEP 503/691/700): name, absolute URL, hashes, {@code
 * requires-python}, yanked state (PEP 592) and whether core metadata is served beside it (PEP
 * 658/714).
 */
public record DistributionFile(
    String filename,
    String url,
    Map<String, String> hashes,
    Optional<String> requiresPython,
    Optional<String> yanked,
    boolean coreMetadata,
    long size,
    Optional<String> uploadTime) {
  public DistributionFile {
    hashes = Map.copyOf(hashes);
  }

  /** Whether the file is yanked (the optional value is the reason, possibly empty). */
  public boolean isYanked() {
    return yanked.isPresent();
  }

  public boolean isWheel() {
    return filename.endsWith(".whl");
  }
}
