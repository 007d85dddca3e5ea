package dev.ftscout.deps.pep508;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values markers are evaluated against: the PEP 508 variables of one target, the extra being
 * evaluated, and (in lock files, PEP 751) the selected extras and dependency groups.
 */
public record MarkerEnvironment(
    Map<String, String> values, String extra, Set<String> extras, Set<String> dependencyGroups) {
  public MarkerEnvironment {
    values = Map.copyOf(values);
    extras = Set.copyOf(extras);
    dependencyGroups = Set.copyOf(dependencyGroups);
  }

  /** An environment with the given variables and no extra. */
  public static MarkerEnvironment of(Map<String, String> values) {
    return new MarkerEnvironment(values, "", Set.of(), Set.of());
  }

  /** The same environment evaluating the given extra (normalised, PEP 685). */
  public MarkerEnvironment withExtra(String name) {
    return new MarkerEnvironment(values, Names.canonicalize(name), extras, dependencyGroups);
  }

  /** The same environment with the extras and groups a lock file's consumer selected. */
  public MarkerEnvironment withSelection(Set<String> selectedExtras, Set<String> groups) {
    return new MarkerEnvironment(
        values,
        extra,
        selectedExtras.stream()
            .map(Names::canonicalize)
            .collect(java.util.stream.Collectors.toSet()),
        groups.stream().map(Names::canonicalize).collect(java.util.stream.Collectors.toSet()));
  }

  /**
   * The variables of a CPython interpreter: {@code version} like {@code 3.14}, {@code system} one
   * of {@code linux}, {@code darwin}, {@code win32}, {@code machine} as {@code platform.machine()}.
   */
  public static MarkerEnvironment cpython(String version, String sysPlatform, String machine) {
    Map<String, String> v = new HashMap<>();
    String full = version.chars().filter(c -> c == '.').count() >= 2 ? version : version + ".0";
    v.put("implementation_name", "cpython");
    v.put("implementation_version", full);
    v.put("platform_python_implementation", "CPython");
    v.put("python_version", version.split("\\.")[0] + "." + version.split("\\.")[1]);
    v.put("python_full_version", full);
    v.put("sys_platform", sysPlatform);
    v.put("os_name", sysPlatform.equals("win32") ? "nt" : "posix");
    v.put(
        "platform_system",
        switch (sysPlatform) {
          case "win32" -> "Windows";
          case "darwin" -> "Darwin";
          default -> "Linux";
        });
    v.put("platform_machine", machine);
    v.put("platform_release", "");
    v.put("platform_version", "");
    return of(v);
  }

  /** A variable's value, when the environment has it. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
