package dev.ftscout.deps.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ftscout.deps.DepsInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input file's text with a way back from a piece of it to its line and column: TOML and JSON
 * trees carry no positions, so declarations are found again in the text.
 */
final class TextFile {
  private final Path path;
  private final String text;

  private TextFile(Path path, String text) {
    this.path = path;
    this.text = text;
  }

  static TextFile read(Path path) {
    try {
      return new TextFile(path, Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DepsInputException(path, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  Path path() {
    return path;
  }

  String text() {
    return text;
  }

  JsonNode toml() {
    return parse(new TomlMapper());
  }

  JsonNode json() {
    return parse(new ObjectMapper());
  }

  private JsonNode parse(ObjectMapper mapper) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
      int col = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
      throw new DepsInputException(path, line, col, e.getOriginalMessage());
    }
  }

  /**
   * The location of the first occurrence of {@code needle} at or after {@code from} (an offset), or
   * of {@code fallback} when the needle is not found.
   */
  SourceLocation locate(String needle, int from) {
    int at = text.indexOf(needle, Math.max(0, from));
    if (at < 0) {
      at = text.indexOf(needle);
    }
    return at < 0 ? new SourceLocation(path, 1, 0) : at(at);
  }

  /** Offset of the first occurrence, or -1. */
  int offsetOf(String needle, int from) {
    return text.indexOf(needle, Math.max(0, from));
  }

  SourceLocation at(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourceLocation(path, line, offset - lineStart + 1);
  }
}
