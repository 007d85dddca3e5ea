package dev.ftscout.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Flags shared by every command that writes a report. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text",
      converter = FormatConverter.class)
  Format format = Format.TEXT;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of standard output.")
  @Nullable Path output;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only findings: no progress, no summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print more detail, and stack traces of internal errors.")
  boolean verbose;

  @Option(names = "--no-color", description = "Never use colours (also: NO_COLOR set).")
  boolean noColor;

  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /** picocli converter accepting format names in any case. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown format '" + value + "' (expected text, json, sarif, markdown or html)");
    }
  }
}
