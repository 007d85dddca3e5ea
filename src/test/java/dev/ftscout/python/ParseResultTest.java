package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.tree.Statement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a parse gives the rest of ftscout: partial trees, errors, comments, lines, skips. */
class ParseResultTest {
  private final PythonParser parser = new PythonParser();

  @Test
  void recoversAtTheNextStatementAndKeepsEverythingElse() {
    String source =
        """
        import threading
        counter = 0
        def bump(:
            global counter
            counter += 1
        x = = 2
        def ok():
            return counter
        class C:
            y = )
            z = 3
        """;
    ParseResult r = parser.parse("app/mod.py", source, PythonVersion.PY312);
    assertThat(r.errors())
        .extracting(SyntaxError::line, SyntaxError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "invalid syntax"),
            org.assertj.core.groups.Tuple.tuple(3, "'(' was never closed"),
            org.assertj.core.groups.Tuple.tuple(6, "invalid syntax"),
            org.assertj.core.groups.Tuple.tuple(10, "unmatched ')'"));
    assertThat(r.errors().get(0).toString())
        .isEqualTo("app/mod.py:3:10: SyntaxError: invalid syntax");
    List<Statement> body = r.module().body();
    assertThat(body)
        .extracting(s -> s.getClass().getSimpleName())
        .containsExactly("Import", "Assign", "FunctionDef", "ClassDef");
    Statement.ClassDef c = (Statement.ClassDef) body.get(3);
    assertThat(c.body()).singleElement().isInstanceOf(Statement.Assign.class);
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void cpythonsFirstErrorComesFirst() {
    // CPython reports the unterminated string, found after its first parser error, instead.
    ParseResult r = parser.parse("m.py", "x = = 1\ny = 'oops\n", PythonVersion.PY313);
    assertThat(r.errors().get(0).message())
        .isEqualTo("unterminated string literal (detected at line 2)");
    assertThat(r.errors()).extracting(SyntaxError::message).contains("invalid syntax");
  }

  @Test
  void commentsAreKeptWithTheirPositions() {
    String source =
        """
        x = 1  # ftscout: ignore[FT101]
        # full line
        s = '# not a comment'
        f'{x # in an f-string field
        }'
        """;
    ParseResult r = parser.parse("c.py", source, PythonVersion.PY313);
    assertThat(r.ok()).isTrue();
    assertThat(r.comments())
        .containsExactly(
            new Comment(1, 7, "# ftscout: ignore[FT101]"),
            new Comment(2, 0, "# full line"),
            new Comment(4, 5, "# in an f-string field"));
    assertThat(r.commentsOn(1)).hasSize(1);
  }

  @Test
  void sourceLinesGiveSnippetsAndCharacterColumns() {
    ParseResult r = parser.parse("u.py", "s = 'caf\u00e9'\r\nt = 1\rend\n", PythonVersion.PY313);
    SourceLines lines = r.lines();
    assertThat(lines.lineCount()).isEqualTo(3);
    assertThat(lines.line(1)).isEqualTo("s = 'caf\u00e9'");
    assertThat(lines.line(2)).isEqualTo("t = 1");
    assertThat(lines.line(9)).isEmpty();
    assertThat(lines.characterColumn(1, 10)).as("the é takes two bytes").isEqualTo(9);
    assertThat(lines.text(1, 4, 1, 11)).isEqualTo("'caf\u00e9'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "print 'hello'\\n|print statement at line 1",
        "import os\\nexec 'x = 1'\\n|exec statement at line 2",
        "x = `1`\\n|backtick repr at line 1",
        "if a <> b: pass\\n|'<>' operator at line 1",
        "try:\\n    pass\\nexcept ValueError, e:\\n    pass\\n|'except E, e:' clause at line 3",
        "raise ValueError, 'msg'\\n|'raise E, msg' statement at line 1",
        "mode = 0777\\n|octal literal without 0o at line 1",
        "n = 10L\\n|long integer literal at line 1",
        "s = ur'x'\\n|ur'' string prefix at line 1",
        "def f():\\n    print >>sys.stderr, 'x'\\n    print 'y'\\n|print statement at line 2",
      })
  void pythonTwoFilesAreSkippedWithAReason(String source, String where) {
    ParseResult r = parser.parse("old.py", source.replace("\\n", "\n"), PythonVersion.PY313);
    assertThat(r.ok()).isFalse();
    assertThat(r.skipped()).hasValueSatisfying(reason -> assertThat(reason).endsWith(where));
    assertThat(r.skipped().get()).startsWith("not Python 3: Python 2 ");
  }

  @Test
  void pythonThreeCodeThatLooksOldIsNotSkipped() {
    ParseResult valid = parser.parse("p.py", "print >>sys.stderr, 'x'\n", PythonVersion.PY313);
    assertThat(valid.ok()).isTrue();
    assertThat(valid.skipped()).isEmpty();
    ParseResult broken = parser.parse("b.py", "x = (1,\n", PythonVersion.PY313);
    assertThat(broken.ok()).isFalse();
    assertThat(broken.skipped()).as("a broken Python 3 file is an error, not a skip").isEmpty();
  }

  @Test
  void undecodableFilesAreOneClearError() {
    ParseResult nul =
        parser.parse(
            "n.py", "x = 1\ny = 2\0\n".getBytes(StandardCharsets.UTF_8), PythonVersion.PY313);
    assertThat(nul.errors())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.message()).isEqualTo("source code string cannot contain null bytes");
          assertThat(e.line()).isEqualTo(2);
        });
    ParseResult unknown =
        parser.parse("e.py", "# coding: no-such-codec\nx = 1\n", PythonVersion.PY313);
    assertThat(unknown.errors().get(0).message()).isEqualTo("unknown encoding: no-such-codec");
    byte[] bomLatin = "\uFEFF# coding: latin-1\nx = 1\n".getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse("b.py", bomLatin, PythonVersion.PY313).errors().get(0).message())
        .isEqualTo("encoding problem: iso-8859-1 with BOM");
  }

  @Test
  void emptyAndCommentOnlyFilesAreEmptyModules() {
    assertThat(parser.parse("e.py", "", PythonVersion.PY313).module().body()).isEmpty();
    ParseResult c = parser.parse("c.py", "# just this", PythonVersion.PY313);
    assertThat(c.ok()).isTrue();
    assertThat(c.module().body()).isEmpty();
    assertThat(c.comments()).hasSize(1);
  }
}
