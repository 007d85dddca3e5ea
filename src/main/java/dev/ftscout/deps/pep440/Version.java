package dev.ftscout.deps.pep440;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A PEP 440 version: parsed, normalised and ordered exactly as the reference implementation ({@code
 * packaging.version.Version}) does.
 *
 * <p>Numbers are held as {@code long}; a component longer than that is rejected rather than
 * silently wrapped (no real release uses one).
 */
public final class Version implements Comparable<Version> {
  /** The pattern of PEP 440 Appendix B, with Python's whitespace set around it. */
  static final String BODY =
      "v?+(?:(?<epoch>[0-9]++)!)?+(?<release>[0-9]++(?:\\.[0-9]++)*+)"
          + "(?<pre>[._-]?+(?<prel>alpha|a|beta|b|preview|pre|c|rc)[._-]?+(?<pren>[0-9]++)?+)?+"
          + "(?<post>(?:-(?<postn1>[0-9]++))|(?:[._-]?+(?<postl>post|rev|r)[._-]?+"
          + "(?<postn2>[0-9]++)?+))?+"
          + "(?<dev>[._-]?+(?<devl>dev)[._-]?+(?<devn>[0-9]++)?+)?+"
          + "(?:\\+(?<local>[a-z0-9]++(?:[._-][a-z0-9]++)*+))?+";

  /** Python's {@code \s} for str patterns: ASCII whitespace, the separators and Unicode spaces. */
  static final String WS = "[\\s\\x1c-\\x1f\\x85\\p{IsWhite_Space}]";

  private static final Pattern PATTERN =
      Pattern.compile(WS + "*" + BODY + WS + "*", Pattern.CASE_INSENSITIVE);

  private static final Pattern LOCAL_SEPARATORS = Pattern.compile("[._-]");

  /** Rank of a pre-release letter, dev-only and final in the ordering key. */
  private static final int RANK_DEV_ONLY = -1;

  private static final int RANK_FINAL = 3;

  private final long epoch;
  private final long[] release;
  private final @Nullable String preLetter;
  private final long preNumber;
  private final @Nullable Long post;
  private final @Nullable Long dev;
  private final @Nullable List<Object> local;
  private final long[] trimmed;

  private Version(
      long epoch,
      long[] release,
      @Nullable String preLetter,
      long preNumber,
      @Nullable Long post,
      @Nullable Long dev,
      @Nullable List<Object> local) {
    this.epoch = epoch;
    this.release = release;
    this.preLetter = preLetter;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
    int end = release.length;
    while (end > 0 && release[end - 1] == 0) {
      end--;
    }
    this.trimmed = end == release.length ? release : Arrays.copyOf(release, end);
  }

  /** Parses a version; throws {@link InvalidVersionException} when it is not PEP 440. */
  public static Version parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new InvalidVersionException("Invalid version: '" + text + "'"));
  }

  /** Parses a version, or returns empty when it is not PEP 440. */
  public static Optional<Version> tryParse(String text) {
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long epoch = m.group("epoch") == null ? 0 : Long.parseLong(m.group("epoch"));
      String[] parts = m.group("release").split("\\.");
      long[] release = new long[parts.length];
      for (int i = 0; i < parts.length; i++) {
        release[i] = Long.parseLong(parts[i]);
      }
      String preLetter = null;
      long preNumber = 0;
      if (m.group("prel") != null) {
        preLetter = normaliseLetter(m.group("prel").toLowerCase(Locale.ROOT));
        preNumber = m.group("pren") == null ? 0 : Long.parseLong(m.group("pren"));
      }
      Long post = null;
      if (m.group("postn1") != null) {
        post = Long.parseLong(m.group("postn1"));
      } else if (m.group("postl") != null) {
        post = m.group("postn2") == null ? 0L : Long.parseLong(m.group("postn2"));
      }
      Long dev = null;
      if (m.group("devl") != null) {
        dev = m.group("devn") == null ? 0L : Long.parseLong(m.group("devn"));
      }
      List<Object> local = null;
      if (m.group("local") != null) {
        local = new ArrayList<>();
        for (String part : LOCAL_SEPARATORS.split(m.group("local"))) {
          local.add(isDigits(part) ? (Object) Long.parseLong(part) : part.toLowerCase(Locale.ROOT));
        }
        local = List.copyOf(local);
      }
      return Optional.of(new Version(epoch, release, preLetter, preNumber, post, dev, local));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static String normaliseLetter(String letter) {
    return switch (letter) {
      case "alpha" -> "a";
      case "beta" -> "b";
      case "c", "pre", "preview" -> "rc";
      case "rev", "r" -> "post";
      default -> letter;
    };
  }

  public long epoch() {
    return epoch;
  }

  /** The release segment as written (trailing zeros kept). */
  public long[] release() {
    return release.clone();
  }

  /** The pre-release letter ({@code a}, {@code b}, {@code rc}) when there is one. */
  public Optional<String> preLetter() {
    return Optional.ofNullable(preLetter);
  }

  public long preNumber() {
    return preNumber;
  }

  public OptionalLong post() {
    return post == null ? OptionalLong.empty() : OptionalLong.of(post);
  }

  public OptionalLong dev() {
    return dev == null ? OptionalLong.empty() : OptionalLong.of(dev);
  }

  public boolean hasLocal() {
    return local != null;
  }

  /** A pre-release or a development release. */
  public boolean isPrerelease() {
    return preLetter != null || dev != null;
  }

  public boolean isPostrelease() {
    return post != null;
  }

  public boolean isDevrelease() {
    return dev != null;
  }

  /** This version without its local segment. */
  public Version withoutLocal() {
    return local == null
        ? this
        : new Version(epoch, release, preLetter, preNumber, post, dev, null);
  }

  /** The version with epoch and release only ({@code 1!2.3rc1.post2} gives {@code 1!2.3}). */
  public Version base() {
    return new Version(epoch, release, null, 0, null, null, null);
  }

  Version withDev(long newDev) {
    return new Version(epoch, release, preLetter, preNumber, post, newDev, null);
  }

  Version withPostDev(long newPost, long newDev) {
    return new Version(epoch, release, preLetter, preNumber, newPost, newDev, null);
  }

  Version withRelease(long[] newRelease) {
    return new Version(epoch, newRelease, preLetter, preNumber, post, dev, null);
  }

  /** The smallest version of the next prefix: {@code 1.2} gives {@code 1.3.dev0}. */
  Version nextPrefixDev0() {
    long[] next = release.clone();
    next[next.length - 1]++;
    return new Version(epoch, next, null, 0, null, 0L, null);
  }

  /** Pre-release rank: dev-only -1, a 0, b 1, rc 2, none 3. */
  int preRank() {
    if (preLetter == null && post == null && dev != null) {
      return RANK_DEV_ONLY;
    }
    if (preLetter == null) {
      return RANK_FINAL;
    }
    return switch (preLetter) {
      case "a" -> 0;
      case "b" -> 1;
      default -> 2;
    };
  }

  long preNumberKey() {
    return preLetter == null ? 0 : preNumber;
  }

  /** Compares epoch and release (trailing zeros ignored). */
  int compareRelease(Version other) {
    int c = Long.compare(epoch, other.epoch);
    if (c != 0) {
      return c;
    }
    return Arrays.compare(trimmed, other.trimmed);
  }

  /** Compares everything but the local segment. */
  int comparePublic(Version other) {
    int c = compareRelease(other);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preRank(), other.preRank());
    if (c != 0) {
      return c;
    }
    c = Long.compare(preNumberKey(), other.preNumberKey());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(post == null ? 0 : 1, other.post == null ? 0 : 1);
    if (c != 0) {
      return c;
    }
    c = Long.compare(post == null ? 0 : post, other.post == null ? 0 : other.post);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(dev == null ? 1 : 0, other.dev == null ? 1 : 0);
    if (c != 0) {
      return c;
    }
    return Long.compare(dev == null ? 0 : dev, other.dev == null ? 0 : other.dev);
  }

  @Override
  public int compareTo(Version other) {
    int c = comparePublic(other);
    if (c != 0) {
      return c;
    }
    if (local == null || other.local == null) {
      return Boolean.compare(local != null, other.local != null);
    }
    int n = Math.min(local.size(), other.local.size());
    for (int i = 0; i < n; i++) {
      c = compareLocalPart(local.get(i), other.local.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(local.size(), other.local.size());
  }

  /** PEP 440: strings sort before numbers, strings lexicographically, numbers numerically. */
  private static int compareLocalPart(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Long) {
      return 1;
    }
    if (b instanceof Long) {
      return -1;
    }
    return ((String) a).compareTo((String) b);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        epoch, Arrays.hashCode(trimmed), preRank(), preNumberKey(), post, dev, local);
  }

  /** The normalised form, as {@code str(packaging.version.Version(...))}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (epoch != 0) {
      sb.append(epoch).append('!');
    }
    for (int i = 0; i < release.length; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(release[i]);
    }
    if (preLetter != null) {
      sb.append(preLetter).append(preNumber);
    }
    if (post != null) {
      sb.append(".post").append(post);
    }
    if (dev != null) {
      sb.append(".dev").append(dev);
    }
    if (local != null) {
      sb.append('+');
      for (int i = 0; i < local.size(); i++) {
        if (i > 0) {
          sb.append('.');
        }
        sb.append(local.get(i));
      }
    }
    return sb.toString();
  }
}
