package dev.ftscout.deps.tags;

import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed wheel file name (PEP 427 / binary distribution format), expanded into its tag set as
 * {@code packaging.utils.parse_wheel_filename} does.
 */
public record WheelFilename(
    String name, Version version, Optional<BuildTag> build, Set<Tag> tags, String filename) {
  private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}_._]+$");
  private static final Pattern BUILD = Pattern.compile("(\\d+)(.*)", Pattern.DOTALL);

  public WheelFilename {
    tags = Set.copyOf(tags);
  }

  /** The optional build number: its leading digits and the rest. */
  public record BuildTag(long number, String rest) {}

  /** Parses a {@code .whl} file name; throws {@link InvalidFilenameException}. */
  public static WheelFilename parse(String filename) {
    if (!filename.endsWith(".whl")) {
      throw new InvalidFilenameException(
          "Invalid wheel filename (extension must be '.whl'): " + filename);
    }
    String stem = filename.substring(0, filename.length() - 4);
    int dashes = (int) stem.chars().filter(c -> c == '-').count();
    if (dashes != 4 && dashes != 5) {
      throw new InvalidFilenameException("Invalid wheel filename (wrong number of parts): " + stem);
    }
    String[] parts = stem.split("-", dashes - 1);
    String namePart = parts[0];
    if (namePart.contains("__") || !NAME.matcher(namePart).matches()) {
      throw new InvalidFilenameException("Invalid project name: " + stem);
    }
    Version version =
        Version.tryParse(parts[1])
            .orElseThrow(() ->
                new InvalidFilenameException("Invalid wheel filename (invalid version): " + stem));
    Optional<BuildTag> build = Optional.empty();
    if (dashes == 5) {
      Matcher m = BUILD.matcher(parts[2]);
      if (!m.matches() || !isAsciiDigits(m.group(1))) {
        throw new InvalidFilenameException("Invalid build number: " + parts[2] + " in " + stem);
      }
      try {
        build = Optional.of(new BuildTag(Long.parseLong(m.group(1)), m.group(2)));
      } catch (NumberFormatException e) {
        throw new InvalidFilenameException("Invalid build number: " + parts[2] + " in " + stem);
      }
    }
    Set<Tag> tags = parseTag(parts[parts.length - 1], stem);
    return new WheelFilename(Names.canonicalize(namePart), version, build, tags, filename);
  }

  /** Parses a file name, or empty when it is not a valid wheel name. */
  public static Optional<WheelFilename> tryParse(String filename) {
    try {
      return Optional.of(parse(filename));
    } catch (InvalidFilenameException e) {
      return Optional.empty();
    }
  }

  private static boolean isAsciiDigits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Expands a compressed tag set such as {@code py2.py3-none-any}. */
  static Set<Tag> parseTag(String tag, String context) {
    String[] components = tag.split("-", -1);
    List<String[]> parts = new ArrayList<>();
    for (String component : components) {
      String[] p = component.split("\\.", -1);
      for (String s : p) {
        if (s.isEmpty()) {
          throw new InvalidFilenameException(
              "Invalid wheel filename (invalid tag component): " + context);
        }
      }
      parts.add(p);
    }
    if (parts.size() != 3) {
      throw new InvalidFilenameException(
          "Invalid wheel filename (invalid tag component): " + context);
    }
    for (String interpreter : parts.get(0)) {
      if (!isIdentifier(interpreter)) {
        throw new InvalidFilenameException(
            "Invalid wheel filename (invalid tag component): " + context);
      }
    }
    Set<Tag> tags = new LinkedHashSet<>();
    for (String i : parts.get(0)) {
      for (String a : parts.get(1)) {
        for (String p : parts.get(2)) {
          tags.add(new Tag(i, a, p));
        }
      }
    }
    return tags;
  }

  /** Python's {@code str.isidentifier()} for the characters wheel tags use. */
  private static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (!(Character.isUnicodeIdentifierStart(first) || first == '_')) {
      return false;
    }
    return s.codePoints().skip(1).allMatch(Character::isUnicodeIdentifierPart);
  }

  /** Whether every tag is pure Python ({@code none} ABI, {@code any} platform). */
  public boolean isPure() {
    return tags.stream().allMatch(t -> t.abi().equals("none") && t.platform().equals("any"));
  }

  /** Whether some tag carries a free-threaded ABI. */
  public boolean hasFreeThreadedAbi() {
    return tags.stream().anyMatch(Tag::isFreeThreadedAbi);
  }
}
