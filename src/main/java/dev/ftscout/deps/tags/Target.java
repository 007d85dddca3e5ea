package dev.ftscout.deps.tags;

import dev.ftscout.deps.pep508.MarkerEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One interpreter and platform to evaluate wheels for, such as CPython 3.14t on {@code
 * manylinux_2_28_x86_64}. Its tag list is the one {@code packaging.tags} would compute on such a
 * machine, most preferred first.
 */
public record Target(int major, int minor, boolean freeThreaded, String platform) {
  private static final Pattern PYTHON = Pattern.compile("(?:cp)?(\\d)\\.?(\\d+)(t?)");
  private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d+)_(\\d+)_(.+)");
  private static final Pattern MUSLLINUX = Pattern.compile("musllinux_(\\d+)_(\\d+)_(.+)");
  private static final Pattern MACOS = Pattern.compile("macosx_(\\d+)_(\\d+)_(.+)");
  private static final Map<String, String> LEGACY_MANYLINUX =
      Map.of("manylinux1", "2_5", "manylinux2010", "2_12", "manylinux2014", "2_17");

  /**
   * Parses a Python version such as {@code 3.14t}, {@code 3.13} or {@code cp314t} for a platform
   * tag; throws {@link IllegalArgumentException} when either is malformed.
   */
  public static Target parse(String python, String platform) {
    Matcher m = PYTHON.matcher(python.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a Python version like 3.14t or 3.13: '" + python + "'");
    }
    String plat = normalisePlatform(platform.trim().toLowerCase(Locale.ROOT));
    if (plat.isEmpty() || plat.contains("-")) {
      throw new IllegalArgumentException("not a platform tag: '" + platform + "'");
    }
    return new Target(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), !m.group(3).isEmpty(), plat);
  }

  private static String normalisePlatform(String p) {
    for (Map.Entry<String, String> e : LEGACY_MANYLINUX.entrySet()) {
      if (p.startsWith(e.getKey() + "_")) {
        return "manylinux_" + e.getValue() + p.substring(e.getKey().length());
      }
    }
    return p.replace('.', '_').replace('-', '_');
  }

  /** The platform tag for the machine this runs on, as {@code os.name} / {@code os.arch} tell. */
  public static String runningPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean arm = arch.equals("aarch64") || arch.equals("arm64");
    if (os.startsWith("mac") || os.contains("darwin")) {
      return arm ? "macosx_11_0_arm64" : "macosx_10_13_x86_64";
    }
    if (os.startsWith("windows")) {
      return arm ? "win_arm64" : "win_amd64";
    }
    return arm ? "manylinux_2_28_aarch64" : "manylinux_2_28_x86_64";
  }

  /** {@code cp314t}: the interpreter plus ABI flag. */
  public String abi() {
    return "cp" + major + minor + (freeThreaded ? "t" : "");
  }

  /** {@code 3.14t}. */
  public String pythonLabel() {
    return major + "." + minor + (freeThreaded ? "t" : "");
  }

  /** {@code 3.14t/manylinux_2_28_x86_64}. */
  public String label() {
    return pythonLabel() + "/" + platform;
  }

  /** The platform tags such a machine installs, most specific first. */
  public List<String> platformTags() {
    Matcher ml = MANYLINUX.matcher(platform);
    if (ml.matches()) {
      int glibcMajor = Integer.parseInt(ml.group(1));
      int glibcMinor = Integer.parseInt(ml.group(2));
      String arch = ml.group(3);
      List<String> out = new ArrayList<>();
      out.add("linux_" + arch);
      boolean x86 = arch.equals("x86_64") || arch.equals("i686");
      int oldestMinor = x86 ? 5 : 17;
      for (int major = glibcMajor; major >= 2; major--) {
        int from = major == glibcMajor ? glibcMinor : 50;
        int to = major == 2 ? oldestMinor : 0;
        for (int minorV = from; minorV >= to; minorV--) {
          out.add("manylinux_" + major + "_" + minorV + "_" + arch);
          String legacy =
              major != 2
                  ? null
                  : switch (minorV) {
                    case 17 -> "manylinux2014";
                    case 12 -> "manylinux2010";
                    case 5 -> "manylinux1";
                    default -> null;
                  };
          if (legacy != null) {
            out.add(legacy + "_" + arch);
          }
        }
      }
      return out;
    }
    Matcher mu = MUSLLINUX.matcher(platform);
    if (mu.matches()) {
      List<String> out = new ArrayList<>();
      String arch = mu.group(3);
      out.add("linux_" + arch);
      for (int minorV = Integer.parseInt(mu.group(2)); minorV >= 0; minorV--) {
        out.add("musllinux_" + mu.group(1) + "_" + minorV + "_" + arch);
      }
      return out;
    }
    Matcher mac = MACOS.matcher(platform);
    if (mac.matches()) {
      return MacPlatforms.of(
          Integer.parseInt(mac.group(1)), Integer.parseInt(mac.group(2)), mac.group(3));
    }
    return List.of(platform);
  }

  /**
   * Every tag this target installs, most preferred first: {@code packaging.tags.cpython_tags}
   * followed by {@code compatible_tags}.
   */
  public List<Tag> supportedTags() {
    List<String> platforms = platformTags();
    String interpreter = "cp" + major + minor;
    Set<Tag> tags = new LinkedHashSet<>();
    for (String p : platforms) {
      tags.add(new Tag(interpreter, abi(), p));
    }
    boolean abi3 = !freeThreaded && (major > 3 || (major == 3 && minor >= 2));
    boolean abi3t = freeThreaded && (major > 3 || (major == 3 && minor >= 2));
    if (abi3) {
      platforms.forEach(p -> tags.add(new Tag(interpreter, "abi3", p)));
    }
    if (abi3t) {
      platforms.forEach(p -> tags.add(new Tag(interpreter, "abi3t", p)));
    }
    platforms.forEach(p -> tags.add(new Tag(interpreter, "none", p)));
    if (abi3 || abi3t) {
      for (int older = minor - 1; older > 1; older--) {
        for (String p : platforms) {
          String olderInterp = "cp" + major + older;
          if (abi3) {
            tags.add(new Tag(olderInterp, "abi3", p));
          }
          if (abi3t) {
            tags.add(new Tag(olderInterp, "abi3t", p));
          }
        }
      }
    }
    List<String> pyVersions = new ArrayList<>();
    pyVersions.add("py" + major + minor);
    pyVersions.add("py" + major);
    for (int older = minor - 1; older >= 0; older--) {
      pyVersions.add("py" + major + older);
    }
    for (String py : pyVersions) {
      for (String p : platforms) {
        tags.add(new Tag(py, "none", p));
      }
    }
    tags.add(new Tag(interpreter, "none", "any"));
    for (String py : pyVersions) {
      tags.add(new Tag(py, "none", "any"));
    }
    return List.copyOf(tags);
  }

  /** The supported tags indexed by preference; build once per target and reuse. */
  public TagRanking ranking() {
    return new TagRanking(this, supportedTags());
  }

  /** The PEP 508 variables of this target. */
  public MarkerEnvironment markerEnvironment() {
    String version = major + "." + minor;
    if (platform.startsWith("win")) {
      String machine =
          switch (platform) {
            case "win32" -> "x86";
            case "win_arm64" -> "ARM64";
            default -> "AMD64";
          };
      return MarkerEnvironment.cpython(version, "win32", machine);
    }
    Matcher mac = MACOS.matcher(platform);
    if (mac.matches()) {
      String arch = mac.group(3).equals("arm64") ? "arm64" : "x86_64";
      return MarkerEnvironment.cpython(version, "darwin", arch);
    }
    String arch = platform.replaceFirst("^(manylinux_\\d+_\\d+_|musllinux_\\d+_\\d+_|linux_)", "");
    return MarkerEnvironment.cpython(version, "linux", arch);
  }
}
