package dev.ftscout.deps.pep440;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One PEP 440 version specifier clause such as {@code >=1.2}, {@code ==1.4.*} or {@code ~=2.2}.
 *
 * <p>Matching follows the reference implementation ({@code packaging.specifiers.Specifier}): {@code
 * <V} excludes V's pre-releases unless V is one, {@code >V} excludes V's post-releases, {@code ==V}
 * without a local label matches every local build of V, {@code ===} compares strings.
 */
public final class Specifier {
  private static final String WS = Version.WS;
  private static final String PRE =
      "(?:[-_.]?+(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?+[0-9]*+)?+";
  private static final String POST = "(?:(?:-[0-9]++)|(?:[-_.]?+(?:post|rev|r)[-_.]?+[0-9]*+))?+";
  private static final String DEV = "(?:[-_.]?+dev[-_.]?+[0-9]*+)?+";
  private static final String LOCAL = "(?:\\+[a-z0-9]++(?:[-_.][a-z0-9]++)*+)?+";
  private static final String EPOCH = "(?:[0-9]++!)?+";

  /** The clause grammar, without surrounding whitespace (used inside requirement parsing). */
  static final String CLAUSE =
      "(?:"
          + "(?:==="
          + WS
          + "*+[^\\s\\x1c-\\x1f\\x85\\p{IsWhite_Space};)]++)"
          + "|(?:(?:==|!=)"
          + WS
          + "*+v?+"
          + EPOCH
          + "[0-9]++(?:\\.[0-9]++)*+"
          + "(?:\\.\\*|"
          + PRE
          + POST
          + DEV
          + LOCAL
          + ")?+)"
          + "|(?:~="
          + WS
          + "*+v?+"
          + EPOCH
          + "[0-9]++(?:\\.[0-9]++)++"
          + PRE
          + POST
          + DEV
          + ")"
          + "|(?:(?:<=|>=|<|>)"
          + WS
          + "*+v?+"
          + EPOCH
          + "[0-9]++(?:\\.[0-9]++)*+"
          + PRE
          + POST
          + DEV
          + ")"
          + ")";

  /** The clause grammar as a regular expression (case-insensitive, no surrounding space). */
  public static String grammar() {
    return CLAUSE;
  }

  private static final Pattern PATTERN =
      Pattern.compile(WS + "*" + CLAUSE + WS + "*", Pattern.CASE_INSENSITIVE);

  private final String operator;
  private final String version;
  private final @Nullable Boolean prereleases;
  private final @Nullable Version specVersion;

  private Specifier(String operator, String version, @Nullable Boolean prereleases) {
    this.operator = operator;
    this.version = version;
    this.prereleases = prereleases;
    String bare = operator.equals("===") ? version : stripWildcard(version);
    this.specVersion = Version.tryParse(bare).orElse(null);
  }

  /** Parses one clause; throws {@link InvalidVersionException} on bad syntax. */
  public static Specifier parse(String spec) {
    return parse(spec, null);
  }

  /** Parses one clause with an explicit pre-release policy (null: detect from the clause). */
  public static Specifier parse(String spec, @Nullable Boolean prereleases) {
    if (!PATTERN.matcher(spec).matches()) {
      throw new InvalidVersionException("Invalid specifier: '" + spec + "'");
    }
    String s = strip(spec);
    String op;
    if (s.startsWith("===")) {
      op = "===";
    } else if (s.startsWith("~=")
        || s.startsWith("==")
        || s.startsWith("!=")
        || s.startsWith("<=")
        || s.startsWith(">=")) {
      op = s.substring(0, 2);
    } else {
      op = s.substring(0, 1);
    }
    return new Specifier(op, strip(s.substring(op.length())), prereleases);
  }

  /** Strips Python whitespace from both ends, as {@code str.strip()} does. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPySpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isPySpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isPySpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == 0x85
        || (c >= 0x1c && c <= 0x1f);
  }

  private static String stripWildcard(String v) {
    return v.endsWith(".*") ? v.substring(0, v.length() - 2) : v;
  }

  public String operator() {
    return operator;
  }

  /** The version text as written after the operator (wildcard kept). */
  public String version() {
    return version;
  }

  public boolean isWildcard() {
    return version.endsWith(".*");
  }

  /** The parsed version of the clause; empty only for an unparsable {@code ===} operand. */
  public Optional<Version> parsedVersion() {
    return Optional.ofNullable(specVersion);
  }

  /**
   * Whether this clause by itself asks for pre-releases: {@code packaging}'s {@code
   * Specifier.prereleases} (null: unknown).
   */
  @Nullable Boolean prereleases() {
    if (prereleases != null) {
      return prereleases;
    }
    if (operator.equals("!=")) {
      return false;
    }
    if (operator.equals("==") && isWildcard()) {
      return false;
    }
    if (specVersion == null) {
      return null;
    }
    return specVersion.isPrerelease();
  }

  /** Whether the version string is matched, with the PEP 440 default pre-release policy. */
  public boolean contains(String item) {
    return contains(item, null);
  }

  /** {@code packaging}'s {@code Specifier.contains(item, prereleases)}. */
  public boolean contains(String item, @Nullable Boolean prereleasesOverride) {
    Boolean pre = prereleasesOverride;
    if (pre == null) {
      pre = resolve(prereleases, prereleases());
    }
    if (operator.equals("===")) {
      if (!item.toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT))) {
        return false;
      }
      if (Boolean.FALSE.equals(pre)) {
        return Version.tryParse(item).map(v -> !v.isPrerelease()).orElse(true);
      }
      return true;
    }
    Optional<Version> parsed = Version.tryParse(item);
    if (parsed.isEmpty()) {
      return false;
    }
    if (Boolean.FALSE.equals(pre) && parsed.get().isPrerelease()) {
      return false;
    }
    return matches(parsed.get());
  }

  /** An explicit setting wins; an autodetected yes propagates; anything else is "default". */
  static @Nullable Boolean resolve(@Nullable Boolean configured, @Nullable Boolean detected) {
    if (configured != null) {
      return configured;
    }
    return Boolean.TRUE.equals(detected) ? Boolean.TRUE : null;
  }

  /** Whether the version lies in this clause's range, ignoring pre-release policy. */
  public boolean matches(Version c) {
    if (operator.equals("===")) {
      return c.toString().toLowerCase(Locale.ROOT).equals(version.toLowerCase(Locale.ROOT));
    }
    Version v = specVersion;
    if (v == null) {
      return false;
    }
    if (isWildcard()) {
      Version lower = v.base().withDev(0);
      Version upper = v.nextPrefixDev0();
      boolean in = c.compareTo(lower) >= 0 && c.compareTo(upper) < 0;
      return operator.equals("==") == in;
    }
    return switch (operator) {
      case ">=" -> c.compareTo(v) >= 0;
      case "<=" -> c.comparePublic(v) <= 0;
      case ">" -> greaterThan(c, v);
      case "<" -> c.compareTo(v.isPrerelease() ? v : v.withDev(0)) < 0;
      case "~=" -> {
        long[] rel = v.release();
        long[] prefix = java.util.Arrays.copyOf(rel, rel.length - 1);
        Version upper = v.withRelease(prefix).nextPrefixDev0();
        yield c.compareTo(v) >= 0 && c.compareTo(upper) < 0;
      }
      case "==" -> equal(c, v);
      case "!=" -> !equal(c, v);
      default -> throw new IllegalStateException("unknown operator " + operator);
    };
  }

  private boolean equal(Version c, Version v) {
    return version.contains("+") ? c.compareTo(v) == 0 : c.comparePublic(v) == 0;
  }

  private static boolean greaterThan(Version c, Version v) {
    if (v.dev().isPresent()) {
      return c.compareTo(v.withDev(v.dev().getAsLong() + 1)) >= 0;
    }
    if (v.post().isPresent()) {
      return c.compareTo(v.withPostDev(v.post().getAsLong() + 1, 0)) >= 0;
    }
    // Above V and all of V's post-releases and local builds: decided by release, then pre part.
    int r = c.compareRelease(v);
    if (r != 0) {
      return r > 0;
    }
    int p = Integer.compare(c.preRank(), v.preRank());
    if (p != 0) {
      return p > 0;
    }
    return c.preNumberKey() > v.preNumberKey();
  }

  @Override
  public String toString() {
    return operator + version;
  }
}
