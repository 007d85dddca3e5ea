package dev.ftscout.deps.input;

import dev.ftscout.model.SourceComment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The comments of a dependency input, for the suppression logic: {@code # ftscout: ignore[FT301]}
 * on a requirement's line (or alone on the line above) hides the findings about that requirement.
 * Requirements files and YAML start a comment at a {@code #} that begins the line or follows
 * whitespace (pip's rule); TOML files at a {@code #} outside any string. JSON has no comments.
 */
public final class InputComments {
  private InputComments() {}

  /** The comments of an input file; an unreadable file or a format without comments has none. */
  public static List<SourceComment> of(Path file) {
    Optional<InputFormat> format = InputReaders.formatOf(file);
    if (format.isEmpty()
        || format.get() == InputFormat.PIPFILE_LOCK
        || !Files.isRegularFile(file)) {
      return List.of();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    return switch (format.get()) {
      case PYPROJECT, UV_LOCK, POETRY_LOCK, PYLOCK -> toml(text);
      case REQUIREMENTS, CONDA_ENVIRONMENT -> lineComments(text);
      case PIPFILE_LOCK, INSTALLED_ENVIRONMENT -> List.of();
    };
  }

  /** {@code #} at the start of a line or after whitespace, to the end of the line. */
  static List<SourceComment> lineComments(String text) {
    List<SourceComment> out = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      for (int c = 0; c < line.length(); c++) {
        if (line.charAt(c) == '#' && (c == 0 || Character.isWhitespace(line.charAt(c - 1)))) {
          out.add(new SourceComment(i + 1, line.substring(c + 1), line.substring(0, c).isBlank()));
          break;
        }
      }
    }
    return out;
  }

  /** TOML comments: a {@code #} outside basic, literal and multi-line strings. */
  static List<SourceComment> toml(String text) {
    List<SourceComment> out = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        line++;
        lineStart = i + 1;
        i++;
      } else if (ch == '#') {
        int end = text.indexOf('\n', i);
        end = end < 0 ? n : end;
        String comment = text.substring(i + 1, end);
        if (comment.endsWith("\r")) {
          comment = comment.substring(0, comment.length() - 1);
        }
        out.add(new SourceComment(line, comment, text.substring(lineStart, i).isBlank()));
        i = end;
      } else if (ch == '"' || ch == '\'') {
        boolean multi = text.startsWith(String.valueOf(ch).repeat(3), i);
        String close = multi ? String.valueOf(ch).repeat(3) : String.valueOf(ch);
        int j = i + close.length();
        while (j < n && !text.startsWith(close, j)) {
          char c = text.charAt(j);
          if (c == '\\' && ch == '"' && j + 1 < n) {
            j++;
            if (text.charAt(j) == '\n') {
              line++;
              lineStart = j + 1;
            }
          } else if (c == '\n') {
            if (!multi) {
              break;
            }
            line++;
            lineStart = j + 1;
          }
          j++;
        }
        i = Math.min(n, j + (j < n && text.startsWith(close, j) ? close.length() : 0));
      } else {
        i++;
      }
    }
    return out;
  }
}
