package dev.ftscout.config;

import java.util.List;

/**
 * Every key ftscout reads from {@code [tool.ftscout]} / {@code ftscout.toml}, with its type,
 * default and meaning. {@link ConfigLoader} accepts exactly these keys, and {@code
 * docs/configuration.md} is generated from this list (a test keeps it in sync).
 */
public final class ConfigSchema {
  private ConfigSchema() {}

  /** Python version assumed when neither config nor {@code requires-python} names one. */
  public static final String DEFAULT_TARGET_VERSION = "3.14";

  /** One configuration key. */
  public record Setting(String key, String type, String defaultValue, String flag, String doc) {}

  public static final List<Setting> SETTINGS =
      List.of(
          new Setting(
              "select",
              "array of strings",
              "[] (every rule)",
              "--select",
              "Rules to enable: ids (`FT201`), id prefixes (`FT2`, `FT20`), rule names"
                  + " (`missing-gil-declaration`) or `ALL`. The most specific of `select` and"
                  + " `ignore` wins. The flag replaces this list."),
          new Setting(
              "ignore",
              "array of strings",
              "[]",
              "--ignore",
              "Rules to disable, in the same forms as `select`. The flag extends this list."),
          new Setting(
              "severity",
              "table of rule id to `error` | `warning` | `info`",
              "{} (each rule's own)",
              "",
              "Per-rule severity overrides, e.g. `severity = { FT203 = \"error\" }`."),
          new Setting(
              "exclude",
              "array of strings",
              "[]",
              "--exclude",
              "Glob patterns, relative to the project root, of files or folders to leave out"
                  + " (`**` crosses folders). Added to the built-in excludes (`.git`, `.venv`,"
                  + " `venv`, `node_modules`, `build`, `dist`, `site-packages`, ...). The flag"
                  + " extends this list."),
          new Setting(
              "fail-on",
              "`error` | `warning` | `info` | `never`",
              "`warning`",
              "--fail-on",
              "The lowest severity that makes ftscout exit with code 1."),
          new Setting(
              "target-version",
              "string, `3.X` or `py3X`",
              "from `[project] requires-python`, else `" + DEFAULT_TARGET_VERSION + "`",
              "--target-version",
              "The oldest Python version the project supports: syntax newer than this is a"
                  + " syntax error."),
          new Setting(
              "baseline",
              "string (path)",
              "none",
              "--baseline",
              "A baseline file written by `--write-baseline`: findings recorded there are"
                  + " accepted, so only new ones are reported and fail the run. Relative to the"
                  + " config file."));

  /** The reference table of every key, as published in {@code docs/configuration.md}. */
  public static String markdownTable() {
    StringBuilder md = new StringBuilder();
    md.append("| key | type | default | flag | meaning |\n");
    md.append("|---|---|---|---|---|\n");
    for (Setting s : SETTINGS) {
      md.append("| `")
          .append(s.key())
          .append("` | ")
          .append(cell(s.type()))
          .append(" | ")
          .append(cell(s.defaultValue()))
          .append(" | ")
          .append(s.flag().isEmpty() ? "" : "`" + s.flag() + "`")
          .append(" | ")
          .append(cell(s.doc()))
          .append(" |\n");
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** The setting with this key, if there is one. */
  public static java.util.Optional<Setting> find(String key) {
    return SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
