package dev.ftscout.deps.pep440;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A comma-separated list of PEP 440 clauses, all of which must match ({@code
 * packaging.specifiers.SpecifierSet}).
 */
public final class SpecifierSet {
  private final List<Specifier> specs;
  private final @Nullable Boolean prereleases;
  private final boolean hasArbitrary;

  private SpecifierSet(List<Specifier> specs, @Nullable Boolean prereleases, boolean arbitrary) {
    this.specs = List.copyOf(specs);
    this.prereleases = prereleases;
    this.hasArbitrary = arbitrary;
  }

  /** The empty set, which every version satisfies. */
  public static SpecifierSet any() {
    return new SpecifierSet(List.of(), null, false);
  }

  /** Parses {@code ">=1.0, !=1.3"}; throws {@link InvalidVersionException} on bad syntax. */
  public static SpecifierSet parse(String text) {
    return parse(text, null);
  }

  /** Parses with an explicit pre-release policy (null: detect). */
  public static SpecifierSet parse(String text, @Nullable Boolean prereleases) {
    List<Specifier> specs = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String s = Specifier.strip(part);
      if (!s.isEmpty()) {
        specs.add(Specifier.parse(s));
      }
    }
    return new SpecifierSet(specs, prereleases, text.contains("==="));
  }

  /** Both sets at once. */
  public SpecifierSet and(SpecifierSet other) {
    List<Specifier> all = new ArrayList<>(specs);
    all.addAll(other.specs);
    Boolean pre = prereleases != null ? prereleases : other.prereleases;
    return new SpecifierSet(all, pre, hasArbitrary || other.hasArbitrary);
  }

  public List<Specifier> specifiers() {
    return specs;
  }

  public boolean isEmpty() {
    return specs.isEmpty();
  }

  /** {@code packaging}'s {@code SpecifierSet.prereleases}. */
  @Nullable Boolean prereleases() {
    if (prereleases != null) {
      return prereleases;
    }
    if (specs.isEmpty()) {
      return null;
    }
    for (Specifier s : specs) {
      if (Boolean.TRUE.equals(s.prereleases())) {
        return true;
      }
    }
    return null;
  }

  /** Whether the clauses mention a pre-release, which lets pre-releases be chosen. */
  public boolean allowsPrereleases() {
    return Boolean.TRUE.equals(prereleases());
  }

  /** {@code packaging}'s {@code SpecifierSet.contains(item)}. */
  public boolean contains(String item) {
    return contains(item, null);
  }

  /** {@code packaging}'s {@code SpecifierSet.contains(item, prereleases)}. */
  public boolean contains(String item, @Nullable Boolean pre) {
    Optional<Version> version = Version.tryParse(item);
    if (version.isPresent() && !hasArbitrary && !specs.isEmpty()) {
      Version v = version.get();
      if (v.isPrerelease()
          && (Boolean.FALSE.equals(pre) || (pre == null && Boolean.FALSE.equals(prereleases)))) {
        return false;
      }
      return inRange(v);
    }
    return !filter(List.of(item), Function.identity(), pre).isEmpty();
  }

  /** Whether the version satisfies every clause, pre-release policy aside. */
  public boolean inRange(Version v) {
    for (Specifier s : specs) {
      if (!s.matches(v)) {
        return false;
      }
    }
    return true;
  }

  /** {@code packaging}'s {@code SpecifierSet.filter(versions)} over version strings. */
  public List<String> filter(List<String> versions) {
    return filter(versions, Function.identity(), null);
  }

  /**
   * {@code packaging}'s {@code SpecifierSet.filter(items, prereleases, key)}: with no explicit
   * policy, pre-releases come out only when no final release matches.
   */
  public <T> List<T> filter(List<T> items, Function<T, String> key, @Nullable Boolean pre) {
    if (pre == null && prereleases() != null) {
      pre = prereleases();
    }
    List<T> matches = new ArrayList<>();
    if (!specs.isEmpty() && hasArbitrary) {
      for (T item : items) {
        String k = key.apply(item);
        if (specs.stream().allMatch(s -> s.contains(k, true))) {
          matches.add(item);
        }
      }
      return applyPrereleases(matches, key, pre);
    }
    if (specs.isEmpty()) {
      return applyPrereleases(items, key, pre);
    }
    List<T> buffer = new ArrayList<>();
    boolean foundFinal = false;
    for (T item : items) {
      Optional<Version> parsed = Version.tryParse(key.apply(item));
      if (parsed.isEmpty()) {
        continue;
      }
      Version v = parsed.get();
      if (Boolean.FALSE.equals(pre) && v.isPrerelease()) {
        continue;
      }
      if (!inRange(v)) {
        continue;
      }
      if (pre != null) {
        matches.add(item);
      } else if (!v.isPrerelease()) {
        foundFinal = true;
        matches.add(item);
      } else if (!foundFinal) {
        buffer.add(item);
      }
    }
    if (pre == null && !foundFinal) {
      matches.addAll(buffer);
    }
    return matches;
  }

  private static <T> List<T> applyPrereleases(
      List<T> items, Function<T, String> key, @Nullable Boolean pre) {
    if (Boolean.TRUE.equals(pre)) {
      return List.copyOf(items);
    }
    if (Boolean.FALSE.equals(pre)) {
      return items.stream()
          .filter(i -> Version.tryParse(key.apply(i)).map(v -> !v.isPrerelease()).orElse(true))
          .toList();
    }
    List<T> out = new ArrayList<>();
    List<T> nonFinal = new ArrayList<>();
    List<T> arbitrary = new ArrayList<>();
    boolean foundFinal = false;
    for (T item : items) {
      Optional<Version> parsed = Version.tryParse(key.apply(item));
      if (parsed.isEmpty()) {
        if (foundFinal) {
          out.add(item);
        } else {
          arbitrary.add(item);
          nonFinal.add(item);
        }
        continue;
      }
      if (!parsed.get().isPrerelease()) {
        if (!foundFinal) {
          out.addAll(arbitrary);
          foundFinal = true;
        }
        out.add(item);
        continue;
      }
      if (!foundFinal) {
        nonFinal.add(item);
      }
    }
    if (!foundFinal) {
      out.addAll(nonFinal);
    }
    return out;
  }

  @Override
  public String toString() {
    return specs.stream().map(Specifier::toString).sorted().collect(Collectors.joining(","));
  }
}
