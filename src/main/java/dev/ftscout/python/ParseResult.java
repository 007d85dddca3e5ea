package dev.ftscout.python;

import dev.ftscout.python.tree.Module;
import java.util.List;
import java.util.Optional;

/**
 * What parsing one file produced. The tree is always there: when the file has syntax errors it
 * holds every statement that did parse, and {@link #errors()} lists the problems (the one CPython
 * would report first comes first). A file written for Python 2 is {@link #skipped()} with the
 * reason; its errors are still listed.
 *
 * @param path the display path given to the parser, used in error messages
 * @param module the syntax tree
 * @param comments every {@code #} comment, in source order
 * @param errors syntax errors, CPython's first one first; empty for a valid file
 * @param skipped why the file was not analysed (not Python 3), if it was not
 * @param lines the source lines, for snippets and column conversion
 * @param target the Python version the file was checked against
 */
public record ParseResult(
    String path,
    Module module,
    List<Comment> comments,
    List<SyntaxError> errors,
    Optional<String> skipped,
    SourceLines lines,
    PythonVersion target) {
  public ParseResult {
    comments = List.copyOf(comments);
    errors = List.copyOf(errors);
  }

  /** Whether the file parsed without any error. */
  public boolean ok() {
    return errors.isEmpty();
  }

  /** The comments on line {@code line}. */
  public List<Comment> commentsOn(int line) {
    return comments.stream().filter(c -> c.line() == line).toList();
  }
}
