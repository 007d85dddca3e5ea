package dev.ftscout.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ftscout.model.Severity;
import dev.ftscout.model.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and reads a project's ftscout configuration: {@code ftscout.toml} (keys at top level or
 * under {@code [tool.ftscout]}) or the {@code [tool.ftscout]} table of {@code pyproject.toml}, in
 * the scanned folder or the closest parent that has one, stopping at the repository root. Unknown
 * keys and wrong types are {@link UserError}s naming the file, line and key.
 */
public final class ConfigLoader {
  private static final Pattern SELECTOR =
      Pattern.compile("(?i)FT\\d{0,3}|ALL|[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern RULE_ID = Pattern.compile("FT\\d{3}");
  private static final Pattern VERSION = Pattern.compile("(?:py)?3\\.?(\\d{1,2})");
  private static final Pattern LOWER_BOUND = Pattern.compile("(>=|~=|==|>)\\s*(\\d+)\\.(\\d+)");
  private static final Pattern URL = Pattern.compile("(?i)(https?|file)://\\S+");
  private static final Pattern TARGET = Pattern.compile("(?i)(cp)?3\\.?\\d{1,2}t?");
  private static final Pattern PLATFORM = Pattern.compile("[A-Za-z0-9_.]+");

  private final TomlMapper toml = new TomlMapper();

  /**
   * The config for a scan starting at {@code start} (a file or folder).
   *
   * @param explicit a config file named with {@code --config}; it must exist and is used as is
   */
  public Config load(Path start, Optional<Path> explicit) {
    Path from = Files.isDirectory(start) ? start : parentOf(start);
    from = from.toAbsolutePath().normalize();
    if (explicit.isPresent()) {
      Path file = explicit.get().toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new UserError(explicit.get() + ": config file not found");
      }
      boolean pyproject = file.getFileName().toString().equals("pyproject.toml");
      return read(file, pyproject, parentOf(file));
    }
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      Path ftscoutToml = dir.resolve("ftscout.toml");
      if (Files.isRegularFile(ftscoutToml)) {
        return read(ftscoutToml, false, dir);
      }
      Path pyproject = dir.resolve("pyproject.toml");
      if (Files.isRegularFile(pyproject) && hasToolTable(pyproject)) {
        return read(pyproject, true, dir);
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    Config defaults = Config.defaults(from);
    return withTarget(defaults, requiresPython(from).orElse(defaults.targetVersion()));
  }

  private static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent != null ? parent : file.toAbsolutePath();
  }

  private boolean hasToolTable(Path pyproject) {
    JsonNode tree = parse(pyproject, readText(pyproject));
    return tree.path("tool").has("ftscout");
  }

  private Config read(Path file, boolean pyproject, Path root) {
    String text = readText(file);
    JsonNode tree = parse(file, text);
    JsonNode table = tree;
    String prefix = "";
    if (pyproject || tree.path("tool").has("ftscout")) {
      table = tree.path("tool").path("ftscout");
      prefix = "tool.ftscout.";
      if (!pyproject) {
        for (Map.Entry<String, JsonNode> top : tree.properties()) {
          String name = top.getKey();
          if (!name.equals("tool")) {
            throw error(file, text, name, "unknown key '" + name + "' beside [tool.ftscout]");
          }
        }
      }
    }
    Config config = Config.defaults(root);
    List<String> select = config.rules().select();
    List<String> ignore = config.rules().ignore();
    Map<String, Severity> severity = new LinkedHashMap<>();
    List<String> exclude = config.exclude();
    FailOn failOn = config.failOn();
    Optional<String> target = Optional.empty();
    Optional<Path> baseline = Optional.empty();
    Optional<String> indexUrl = Optional.empty();
    List<String> extraIndexUrls = List.of();
    List<Path> findLinks = List.of();
    List<String> targets = List.of();
    List<String> platforms = List.of();
    boolean inspectSources = false;
    boolean probe = false;
    Optional<String> test = Optional.empty();
    boolean bench = false;

    for (Map.Entry<String, JsonNode> field : table.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      String where = prefix + key;
      switch (key) {
        case "select" -> select = selectors(file, text, where, key, value);
        case "ignore" -> ignore = selectors(file, text, where, key, value);
        case "severity" -> severity = severities(file, text, where, key, value);
        case "exclude" -> exclude = strings(file, text, where, key, value);
        case "fail-on" ->
            failOn =
                FailOn.parse(string(file, text, where, key, value))
                    .orElseThrow(() ->
                        error(
                            file,
                            text,
                            key,
                            "'" + where + "' must be one of error, warning, info, never"));
        case "target-version" -> target = Optional.of(version(file, text, where, key, value));
        case "baseline" ->
            baseline = Optional.of(root.resolve(string(file, text, where, key, value)).normalize());
        case "index-url" -> indexUrl = Optional.of(url(file, text, where, key, value));
        case "extra-index-urls" -> {
          List<String> urls = strings(file, text, where, key, value);
          for (JsonNode u : value) {
            url(file, text, where, key, u);
          }
          extraIndexUrls = urls;
        }
        case "find-links" ->
            findLinks =
                strings(file, text, where, key, value).stream()
                    .map(p -> root.resolve(p).normalize())
                    .toList();
        case "targets" -> targets = matching(file, text, where, key, value, TARGET, "3.14t");
        case "platforms" ->
            platforms = matching(file, text, where, key, value, PLATFORM, "manylinux_2_28_x86_64");
        case "inspect-sources" -> {
          if (!value.isBoolean()) {
            throw error(file, text, key, "'" + where + "' must be true or false");
          }
          inspectSources = value.asBoolean();
        }
        case "probe" -> probe = bool(file, text, where, key, value);
        case "test" -> {
          String command = string(file, text, where, key, value);
          if (command.isBlank()) {
            throw error(file, text, key, "'" + where + "' must name a command");
          }
          test = Optional.of(command);
        }
        case "bench" -> bench = bool(file, text, where, key, value);
        default -> throw error(file, text, key, unknownKey(where, key));
      }
    }
    String targetVersion =
        target.or(() -> requiresPython(root)).orElse(ConfigSchema.DEFAULT_TARGET_VERSION);
    return new Config(
        root,
        Optional.of(file),
        new RuleSelection(select, ignore),
        severity,
        exclude,
        failOn,
        targetVersion,
        baseline,
        new DependencySettings(
            indexUrl, extraIndexUrls, findLinks, targets, platforms, inspectSources),
        new CheckSettings(probe, test, bench));
  }

  private static boolean bool(Path file, String text, String where, String key, JsonNode value) {
    if (!value.isBoolean()) {
      throw error(file, text, key, "'" + where + "' must be true or false");
    }
    return value.asBoolean();
  }

  private static String url(Path file, String text, String where, String key, JsonNode value) {
    String raw = string(file, text, where, key, value);
    if (!URL.matcher(raw).matches()) {
      throw error(
          file, text, key, "'" + where + "' must be an http(s) or file URL, got '" + raw + "'");
    }
    return raw;
  }

  private static List<String> matching(
      Path file,
      String text,
      String where,
      String key,
      JsonNode value,
      Pattern form,
      String example) {
    List<String> list = strings(file, text, where, key, value);
    for (String s : list) {
      if (!form.matcher(s.trim()).matches()) {
        throw error(
            file, text, key, "'" + where + "' entry '" + s + "' does not look like " + example);
      }
    }
    return list.stream().map(String::trim).toList();
  }

  private static String unknownKey(String where, String key) {
    String message = "unknown key '" + where + "'";
    String best = "";
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigSchema.Setting s : ConfigSchema.SETTINGS) {
      int d = distance(s.key(), key);
      if (d < bestDistance) {
        bestDistance = d;
        best = s.key();
      }
    }
    return bestDistance <= 2 ? message + " (did you mean '" + best + "'?)" : message;
  }

  private static Config withTarget(Config c, String target) {
    return new Config(
        c.root(),
        c.source(),
        c.rules(),
        c.severity(),
        c.exclude(),
        c.failOn(),
        target,
        c.baseline(),
        c.dependencies(),
        c.checks());
  }

  /** The lower bound of {@code [project] requires-python} in the folder's pyproject.toml. */
  private Optional<String> requiresPython(Path dir) {
    Path pyproject = dir.resolve("pyproject.toml");
    if (!Files.isRegularFile(pyproject)) {
      return Optional.empty();
    }
    JsonNode requires =
        parse(pyproject, readText(pyproject)).path("project").path("requires-python");
    if (!requires.isTextual()) {
      return Optional.empty();
    }
    int best = -1;
    for (String clause : requires.asText().split(",")) {
      Matcher m = LOWER_BOUND.matcher(clause.trim());
      if (m.lookingAt() && m.group(2).equals("3")) {
        best = Math.max(best, Integer.parseInt(m.group(3)));
      }
    }
    return best < 0 ? Optional.empty() : Optional.of("3." + best);
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserError(file + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read config: " + e.getMessage(), e);
    }
  }

  private JsonNode parse(Path file, String text) {
    try {
      return toml.readTree(text);
    } catch (JacksonException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
      int col = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
      String detail = e.getOriginalMessage();
      String first = detail == null ? "invalid TOML" : detail.lines().findFirst().orElse(detail);
      throw UserError.at(file.toString(), line, col, "invalid TOML: " + first);
    }
  }

  private static List<String> selectors(
      Path file, String text, String where, String key, JsonNode value) {
    List<String> list = strings(file, text, where, key, value);
    for (String s : list) {
      if (!SELECTOR.matcher(s).matches()) {
        throw error(
            file,
            text,
            key,
            "'" + where + "' entry '" + s + "' is not a rule id, id prefix or rule name");
      }
    }
    return list;
  }

  private static Map<String, Severity> severities(
      Path file, String text, String where, String key, JsonNode value) {
    if (!value.isObject()) {
      throw error(file, text, key, "'" + where + "' must be a table of rule id to severity");
    }
    Map<String, Severity> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      String id = e.getKey().toUpperCase(java.util.Locale.ROOT);
      if (!RULE_ID.matcher(id).matches()) {
        throw error(
            file, text, e.getKey(), "'" + where + "' key '" + e.getKey() + "' is not a rule id");
      }
      JsonNode sev = e.getValue();
      Optional<Severity> parsed = sev.isTextual() ? Severity.parse(sev.asText()) : Optional.empty();
      out.put(
          id,
          parsed.orElseThrow(() ->
              error(
                  file,
                  text,
                  e.getKey(),
                  "'" + where + "." + e.getKey() + "' must be error, warning or info")));
    }
    return out;
  }

  private static String version(Path file, String text, String where, String key, JsonNode value) {
    String raw = string(file, text, where, key, value);
    return pythonVersion(raw)
        .orElseThrow(() ->
            error(
                file,
                text,
                key,
                "'" + where + "' must look like 3.12 or py312, got '" + raw + "'"));
  }

  /** {@code 3.12}, {@code py312} or {@code 312} as {@code 3.12}; empty when not a version. */
  public static Optional<String> pythonVersion(String raw) {
    Matcher m = VERSION.matcher(raw.trim());
    return m.matches() ? Optional.of("3." + Integer.parseInt(m.group(1))) : Optional.empty();
  }

  private static List<String> strings(
      Path file, String text, String where, String key, JsonNode value) {
    if (!value.isArray()) {
      throw error(file, text, key, "'" + where + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw error(file, text, key, "'" + where + "' must be an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  private static String string(Path file, String text, String where, String key, JsonNode value) {
    if (!value.isTextual()) {
      throw error(file, text, key, "'" + where + "' must be a string");
    }
    return value.asText();
  }

  /** A config error pointing at the line where {@code key} is written. */
  private static UserError error(Path file, String text, String key, String message) {
    int line = lineOfKey(text, key);
    return UserError.at(file.toString(), line, 0, message);
  }

  /** The first line that assigns {@code key}, preferring lines inside ftscout's tables. */
  static int lineOfKey(String text, String key) {
    Pattern assign = Pattern.compile("(^|[\\s{,])(\"?)" + Pattern.quote(key) + "\\2\\s*=");
    List<String> lines = text.lines().toList();
    boolean inOurTable = !text.contains("[tool.");
    int fallback = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("[")) {
        inOurTable = line.startsWith("[tool.ftscout");
        continue;
      }
      if (assign.matcher(line).find()) {
        if (inOurTable) {
          return i + 1;
        }
        if (fallback == 0) {
          fallback = i + 1;
        }
      }
    }
    return fallback;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
