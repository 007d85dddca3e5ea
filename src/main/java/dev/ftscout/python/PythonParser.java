package dev.ftscout.python;

import static dev.ftscout.python.Lexer.*;

import dev.ftscout.python.tree.Module;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parses Python source files into syntax trees that match CPython's {@code ast} module, node for
 * node and position for position. It knows the grammar of Python 3.8 to 3.14; syntax newer than the
 * target version is reported as an error (the tree is still built).
 *
 * <p>Thread-safe and stateless: one instance can parse many files, from many threads.
 */
public final class PythonParser {

  /** Creates a parser. */
  public PythonParser() {}

  /**
   * Parses one file.
   *
   * @param displayPath how errors should name the file
   * @param source the file's bytes, in its declared encoding (UTF-8 by default)
   * @param target the Python version the code must run on
   */
  public ParseResult parse(String displayPath, byte[] source, PythonVersion target) {
    SourceDecoder.Decoded decoded = SourceDecoder.decode(source);
    SourceLines lines = SourceLines.of(decoded.utf8());
    if (decoded.error().isPresent()) {
      SyntaxError error =
          new SyntaxError(
              displayPath,
              Math.max(1, decoded.errorLine()),
              1,
              Math.max(1, decoded.errorLine()),
              1,
              decoded.error().get(),
              SyntaxError.Kind.SYNTAX_ERROR);
      return new ParseResult(
          displayPath,
          new Module(List.of()),
          List.of(),
          List.of(error),
          Optional.empty(),
          lines,
          target);
    }
    Lexer lexer = new Lexer(decoded.utf8());
    lexer.run();
    Parser parser = new Parser(lexer, target);
    Module module;
    List<SyntaxError> errors;
    try {
      module = parser.parseModule();
      errors = errors(displayPath, lexer, parser.problems(), lines);
    } catch (StackOverflowError e) {
      module = new Module(List.of());
      errors =
          List.of(
              new SyntaxError(
                  displayPath,
                  1,
                  1,
                  1,
                  1,
                  "source too complex to parse (nesting exceeds the parser's stack)",
                  SyntaxError.Kind.SYNTAX_ERROR));
    }
    Optional<String> skipped = errors.isEmpty() ? Optional.empty() : Python2.reason(lexer, target);
    return new ParseResult(displayPath, module, lexer.comments, errors, skipped, lines, target);
  }

  /** Parses source text given as a string (encoded as UTF-8 first). */
  public ParseResult parse(String displayPath, String source, PythonVersion target) {
    return parse(displayPath, source.getBytes(StandardCharsets.UTF_8), target);
  }

  /**
   * Every lexical and syntax error, the one CPython would report first at the front. CPython stops
   * at its first parser error, then tokenizes the rest of the file: a tokenizer error found there
   * (an unterminated string, a stray character) is reported instead, and so is a bracket left open
   * on an earlier line.
   */
  private static List<SyntaxError> errors(
      String path, Lexer lexer, List<Parser.Problem> problems, SourceLines lines) {
    List<SyntaxError> all = new ArrayList<>();
    SyntaxError primary = null;
    for (Parser.Problem pr : problems) {
      SyntaxError e = toError(path, lexer, pr, lines);
      if (primary == null && !isVersionProblem(pr)) {
        primary = pr.col() >= 0 ? laterTokenizerError(path, lexer, pr, lines).orElse(e) : e;
      }
      all.add(e);
    }
    for (int i = 0; i < lexer.errors.size(); i++) {
      all.add(lexError(path, lexer, i, lines));
    }
    List<SyntaxError> unique = new ArrayList<>();
    for (SyntaxError e : all) {
      boolean dup = false;
      for (SyntaxError u : unique) {
        if (u.line() == e.line() && u.message().equals(e.message())) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        unique.add(e);
      }
    }
    unique.sort(Comparator.comparingInt(SyntaxError::line).thenComparingInt(SyntaxError::column));
    if (primary == null && !unique.isEmpty()) {
      primary = unique.get(0);
    }
    if (primary != null) {
      SyntaxError first = primary;
      unique.removeIf(u -> u.line() == first.line() && u.message().equals(first.message()));
      unique.add(0, first);
    }
    return unique;
  }

  private static boolean isVersionProblem(Parser.Problem pr) {
    return pr.message().contains(" or newer (target version is ");
  }

  /**
   * CPython's {@code _PyPegen_tokenize_full_source_to_check_for_errors}: after a parser error it
   * tokenizes on from the furthest token it read; a tokenizer error there replaces the parser's,
   * and so does a bracket still open at the end of the file if it was opened on an earlier line.
   */
  private static Optional<SyntaxError> laterTokenizerError(
      String path, Lexer lexer, Parser.Problem failure, SourceLines lines) {
    for (int i = 0; i < lexer.errors.size(); i++) {
      Lexer.LexError le = lexer.errors.get(i);
      if (le.offset() >= lexer.firstResync) {
        continue;
      }
      if (le.message().endsWith("was never closed")) {
        if (le.line() < failure.furthestLine()) {
          return Optional.of(lexError(path, lexer, i, lines));
        }
        continue;
      }
      if (le.offset() > failure.furthestEnd() && le.raisesImmediately()) {
        return Optional.of(lexError(path, lexer, i, lines));
      }
    }
    return Optional.empty();
  }

  private static SyntaxError toError(
      String path, Lexer lexer, Parser.Problem pr, SourceLines lines) {
    if (pr.col() < 0) {
      return lexError(path, lexer, -1 - pr.col(), lines);
    }
    int shift = pr.raw() ? 0 : 1;
    int col = lines.characterColumn(pr.line(), pr.col()) + shift;
    int endCol = lines.characterColumn(pr.endLine(), pr.endCol()) + shift;
    return new SyntaxError(path, pr.line(), col, pr.endLine(), endCol, pr.message(), pr.kind());
  }

  private static SyntaxError lexError(String path, Lexer lexer, int index, SourceLines lines) {
    Lexer.LexError le = lexer.errors.get(index);
    int line = le.line();
    int start = lexer.lineStart(line);
    int col = lines.characterColumn(line, le.offset() - start);
    int endCol = lines.characterColumn(line, Math.max(le.offset(), le.endOffset()) - start);
    return new SyntaxError(
        path, line, Math.max(1, col), line, Math.max(1, endCol), le.message(), le.kind());
  }
}
