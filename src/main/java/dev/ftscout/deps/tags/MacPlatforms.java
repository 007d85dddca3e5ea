package dev.ftscout.deps.tags;

import java.util.ArrayList;
import java.util.List;

/** macOS platform tags a machine accepts, as {@code packaging.tags.mac_platforms} lists them. */
final class MacPlatforms {
  private MacPlatforms() {}

  static List<String> of(int major, int minor, String arch) {
    List<String> out = new ArrayList<>();
    if (major == 10) {
      for (int m = minor; m >= 0; m--) {
        for (String f : binaryFormats(10, m, arch)) {
          out.add("macosx_10_" + m + "_" + f);
        }
      }
    }
    if (major >= 11) {
      for (int maj = major; maj > 10; maj--) {
        for (String f : binaryFormats(maj, 0, arch)) {
          out.add("macosx_" + maj + "_0_" + f);
        }
      }
      if (arch.equals("x86_64")) {
        for (int m = 16; m > 3; m--) {
          for (String f : binaryFormats(10, m, arch)) {
            out.add("macosx_10_" + m + "_" + f);
          }
        }
      } else {
        for (int m = 16; m > 3; m--) {
          out.add("macosx_10_" + m + "_universal2");
        }
      }
    }
    return out;
  }

  private static boolean before(int major, int minor, int refMajor, int refMinor) {
    return major < refMajor || (major == refMajor && minor < refMinor);
  }

  private static List<String> binaryFormats(int major, int minor, String arch) {
    List<String> formats = new ArrayList<>();
    formats.add(arch);
    switch (arch) {
      case "x86_64" -> {
        if (before(major, minor, 10, 4)) {
          return List.of();
        }
        formats.addAll(List.of("intel", "fat64", "fat3"));
      }
      case "i386" -> {
        if (before(major, minor, 10, 4)) {
          return List.of();
        }
        formats.addAll(List.of("intel", "fat3", "fat"));
      }
      case "ppc64" -> {
        if (before(10, 5, major, minor) || before(major, minor, 10, 4)) {
          return List.of();
        }
        formats.add("fat64");
      }
      case "ppc" -> {
        if (!before(major, minor, 10, 7)) {
          return List.of();
        }
        formats.addAll(List.of("fat3", "fat"));
      }
      default -> {}
    }
    if (arch.equals("arm64") || arch.equals("x86_64")) {
      formats.add("universal2");
    }
    if (List.of("x86_64", "i386", "ppc64", "ppc", "intel").contains(arch)) {
      formats.add("universal");
    }
    return formats;
  }
}
