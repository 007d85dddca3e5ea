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

  /** The free-threaded Python the dependency audit targets when nothing names one. */
  public static final String DEFAULT_DEPENDENCY_TARGET = "3.14t";

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
                  + " config file."),
          new Setting(
              "index-url",
              "string (URL)",
              "the user's pip/uv configuration",
              "--index-url",
              "The package index (simple repository API) that `deps` audits against. Without"
                  + " it, ftscout asks what the user's own tools use: `UV_DEFAULT_INDEX`/`UV_INDEX`,"
                  + " indexes the project's files name, `uv.toml`, `PIP_INDEX_URL`/"
                  + "`PIP_EXTRA_INDEX_URL`, `pip.conf`, and last the default of the interpreter's"
                  + " own pip. The flag wins over this key."),
          new Setting(
              "extra-index-urls",
              "array of strings (URLs)",
              "[]",
              "--extra-index-url",
              "More indexes searched besides the default one. The flag extends this list."),
          new Setting(
              "find-links",
              "array of strings (paths)",
              "[]",
              "--find-links",
              "Local folders of wheels and sdists, searched besides the indexes. Relative to the"
                  + " config file. The flag extends this list."),
          new Setting(
              "targets",
              "array of strings, `3.X` or `3.Xt`",
              "`[\"" + DEFAULT_DEPENDENCY_TARGET + "\"]`",
              "--target",
              "The Python versions `deps` audits the dependencies for; `t` marks the"
                  + " free-threaded build. The flag replaces this list."),
          new Setting(
              "platforms",
              "array of strings (platform tags)",
              "the running machine's (Linux taken as `manylinux_2_28`)",
              "--platform",
              "The platforms `deps` audits for, as wheel platform tags such as"
                  + " `manylinux_2_28_x86_64`, `musllinux_1_2_aarch64`, `macosx_11_0_arm64` or"
                  + " `win_amd64`. Every target is audited on every platform. The flag replaces"
                  + " this list."),
          new Setting(
              "inspect-sources",
              "boolean",
              "false",
              "--inspect-sources",
              "Download the sdists of blockers and sdist-only packages (never building them) and"
                  + " read their extension sources: whether each module declares GIL-free support,"
                  + " and whether the package falls back to pure Python."),
          new Setting(
              "probe",
              "boolean",
              "false",
              "--probe",
              "Make `check` also import every installed module in a free-threaded interpreter"
                  + " (runs code), as with `--probe`."),
          new Setting(
              "test",
              "string (a command)",
              "none",
              "--test",
              "Make `check` also run this test command with and without the GIL and under thread"
                  + " stress (runs code), e.g. `\"python -m pytest\"`. The flag wins."),
          new Setting(
              "bench",
              "boolean",
              "false",
              "--bench",
              "Make `check` also measure the single-thread tax and thread scaling (runs benchmark"
                  + " code), as with `--bench`."));

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
