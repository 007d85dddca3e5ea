package dev.ftscout.cext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CLexerTest {
  private static List<String> texts(CSource s) {
    CTokens t = s.tokens();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      out.add(t.text(i));
    }
    return out;
  }

  private static CSource lex(String text) {
    return CLexer.lex(text, false);
  }

  @Test
  void commentsAndStringsNeverBecomeTokens() {
    String code =
        """
        // PyDict_GetItem(a, b) in a line comment \\
           PyDict_GetItem(c, d) continued by a backslash
        /* PyDict_GetItem(e, f) in a block comment */
        const char *a = "PyDict_GetItem(g, h) // not a comment /* nor this";
        const char *b = R"sep(PyDict_GetItem(i) )" still raw )sep";
        const char *c = u8"PyDict_GetItem" L"PyDict_GetItem" u"x" U"y";
        char d = '"'; char e = '\\''; int f = L'x';
        PyObject *real = PyDict_GetItem(dict, key);
        """;
    List<String> tokens = texts(lex(code));
    assertThat(tokens.stream().filter(x -> x.equals("PyDict_GetItem"))).hasSize(1);
    assertThat(tokens).contains("R\"sep(PyDict_GetItem(i) )\" still raw )sep\"", "'\"'", "'\\''");
    assertThat(tokens).contains("u8\"PyDict_GetItem\"", "L\"PyDict_GetItem\"", "L'x'");
  }

  @Test
  void commentsAreRecordedWithTheirLineAndPlacement() {
    CSource s =
        lex(
            """
            int a; // trailing
            // own line \\
            continued
            /* block
               spanning */ int b;
            """);
    assertThat(s.comments())
        .extracting(SourceComment::line, SourceComment::ownLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, false),
            org.assertj.core.groups.Tuple.tuple(2, true),
            org.assertj.core.groups.Tuple.tuple(4, true));
    assertThat(s.comments().get(1).text()).contains("own line").contains("continued");
    assertThat(s.tokens().line(s.tokens().size() - 2)).isEqualTo(5);
  }

  @Test
  void directivesJoinContinuationsAndDropComments() {
    CSource s =
        lex(
            """
            #define ANSWER \\
                42 /* the answer */
              #  include "local.h" // why
            #pragma once
            int x;
            """);
    assertThat(s.directives())
        .extracting(Directive::kind, Directive::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Directive.Kind.DEFINE, "ANSWER"),
            org.assertj.core.groups.Tuple.tuple(Directive.Kind.INCLUDE, "local.h"),
            org.assertj.core.groups.Tuple.tuple(Directive.Kind.OTHER, "pragma"));
    assertThat(s.directives().get(0).body()).isEqualTo("42");
    assertThat(texts(s)).containsExactly("int", "x", ";");
    assertThat(s.tokens().line(0)).isEqualTo(5);
  }

  private static Truth truthOf(CSource s, String ident) {
    CTokens t = s.tokens();
    for (int i = 0; i < t.size(); i++) {
      if (t.is(i, ident)) {
        return t.condition(i).truth();
      }
    }
    throw new AssertionError(ident + " not found");
  }

  @Test
  void everyTokenKnowsWhetherFreeThreadedBuildsCompileIt() {
    CSource s =
        lex(
            """
            #include <Python.h>
            #ifdef Py_GIL_DISABLED
            int ft;
            #else
            int gil;
            #endif
            #if PY_VERSION_HEX >= 0x030D0000
            int v313;
            #elif PY_VERSION_HEX >= 0x030C0000
            int v312;
            #else
            int older;
            #endif
            #if PY_VERSION_HEX >= 0x030E0000 && defined(Py_GIL_DISABLED)
            int v314;
            #endif
            #if !defined(Py_GIL_DISABLED) || PY_VERSION_HEX < 0x030D0000
            int legacy;
            #endif
            #ifdef MYLIB_FAST
            int custom;
            #endif
            int plain;
            """);
    assertThat(truthOf(s, "ft")).isEqualTo(Truth.ALWAYS);
    assertThat(truthOf(s, "gil")).isEqualTo(Truth.NEVER);
    assertThat(truthOf(s, "v313")).isEqualTo(Truth.ALWAYS);
    assertThat(truthOf(s, "v312")).isEqualTo(Truth.NEVER);
    assertThat(truthOf(s, "older")).isEqualTo(Truth.NEVER);
    assertThat(truthOf(s, "v314")).isEqualTo(Truth.MAYBE);
    assertThat(truthOf(s, "legacy")).isEqualTo(Truth.NEVER);
    assertThat(truthOf(s, "custom")).isEqualTo(Truth.MAYBE);
    assertThat(truthOf(s, "plain")).isEqualTo(Truth.ALWAYS);
    assertThat(s.tokens().condition(s.tokens().size() - 1).unconditional()).isTrue();
  }

  @Test
  void beforeTheFirstIncludePyGilDisabledIsNotKnownYet() {
    CSource s =
        lex(
            """
            #ifndef Py_GIL_DISABLED
            int early;
            #endif
            #include <Python.h>
            #ifndef Py_GIL_DISABLED
            int late;
            #endif
            """);
    assertThat(truthOf(s, "early")).isEqualTo(Truth.MAYBE);
    assertThat(truthOf(s, "late")).isEqualTo(Truth.NEVER);
  }

  @Test
  void deadBranchesAreDroppedAndIncludeGuardsIgnored() {
    CSource s =
        CLexer.lex(
            """
            #ifndef DEMO_H
            #define DEMO_H
            #if 0
            int dead; don't "care about ' this
            #else
            int alive;
            #endif
            #if 1
            int yes;
            #else
            int no;
            #endif
            #endif
            """,
            true);
    assertThat(texts(s)).containsExactly("int", "alive", ";", "int", "yes", ";");
    assertThat(truthOf(s, "alive")).isEqualTo(Truth.ALWAYS);
    assertThat(s.tokens().condition(1).describe()).doesNotContain("DEMO_H");
  }

  @Test
  void alternativeFunctionHeadersKeepTheBraceStructure() {
    CSource s =
        lex(
            """
            #ifdef A
            int f(int a) {
            #else
            int f(int a, int b) {
            #endif
              return 0;
            }
            int after;
            """);
    CTokens t = s.tokens();
    int first = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.isPunct(i, '{') && t.match(i) >= 0) {
        first = i;
        break;
      }
    }
    assertThat(first).isGreaterThan(0);
    int close = t.match(first);
    assertThat(t.isPunct(close, '}')).isTrue();
    assertThat(t.text(close + 1)).isEqualTo("int");
    assertThat(t.depth(close + 2)).isZero();
  }

  @Test
  void numbersLinesAndColumns() {
    CSource s = lex("int n = 1'000'000 + 0x1p+3 + .5e-2;\n\tx = 'a';");
    assertThat(texts(s)).contains("1'000'000", "0x1p+3", ".5e-2", "'a'");
    CTokens t = s.tokens();
    int x = texts(s).indexOf("x");
    assertThat(t.line(x)).isEqualTo(2);
    assertThat(t.column(x)).isEqualTo(2);
    assertThat(t.lineText(2)).isEqualTo("\tx = 'a';");
  }

  // ---- properties ----

  static IntStream seeds() {
    return IntStream.range(0, 60);
  }

  private static final String[] WORDS = {
    "PyDict_GetItem", "x", "counter", "static", "if", "return", "Py_mod_gil", "_t1", "u8", "R", "L"
  };
  private static final String[] PUNCT = {
    "{", "}", "(", ")", ";", ",", "=", "+=", "->", "::", "++", "<<=", "...", "*", "&&", "[", "]"
  };

  /**
   * Random code tokens separated by random whitespace and comments lex back to exactly those
   * tokens: nothing inside a comment or a string leaks out, and no token is split or merged.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void randomCodeLexesBackToItsTokens(int seed) {
    Random rnd = new Random(seed);
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < 200; k++) {
      String tok =
          switch (rnd.nextInt(6)) {
            case 0, 1 -> WORDS[rnd.nextInt(WORDS.length)] + (rnd.nextBoolean() ? "" : k);
            case 2 -> String.valueOf(rnd.nextInt(100000));
            case 3 ->
                "\""
                    + junk(rnd).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ")
                    + "\"";
            case 4 -> rnd.nextBoolean() ? "'\\''" : "'" + (char) ('a' + rnd.nextInt(26)) + "'";
            default -> PUNCT[rnd.nextInt(PUNCT.length)];
          };
      expected.add(tok);
      text.append(tok);
      switch (rnd.nextInt(5)) {
        case 0 -> text.append(" /* ").append(junk(rnd).replace("*/", "* /")).append(" */ ");
        case 1 ->
            text.append(" // ")
                .append(junk(rnd).replace("\n", " ").replace("\\", "/"))
                .append('\n');
        case 2 -> text.append('\n');
        default -> text.append(' ');
      }
    }
    assertThat(texts(lex(text.toString()))).isEqualTo(expected);
  }

  /** Text made of C's special characters never makes the lexer or the parser fail. */
  @ParameterizedTest
  @MethodSource("seeds")
  void arbitraryTextNeverFails(int seed) {
    Random rnd = new Random(seed);
    String alphabet = "{}()[];,#\"'\\/*\n \tabcPy_R8uL0x=<>!&|.:?";
    StringBuilder b = new StringBuilder();
    int n = rnd.nextInt(4000);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(50) == 0) {
        b.append(
            switch (rnd.nextInt(6)) {
              case 0 -> "\n#if 0\n";
              case 1 -> "\n#else\n";
              case 2 -> "\n#endif\n";
              case 3 -> "\n#ifdef Py_GIL_DISABLED\n";
              case 4 -> "R\"x(";
              default -> "static int f(void) {";
            });
      } else {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
    }
    CSource s = CLexer.lex(b.toString(), seed % 2 == 0);
    CFile f = CParser.parse("fuzz.c", s, seed % 3 == 0, false);
    assertThat(f.tokens().size()).isGreaterThanOrEqualTo(0);
    for (int i = 0; i < f.tokens().size(); i++) {
      assertThat(f.tokens().line(i)).isPositive();
    }
  }

  private static String junk(Random rnd) {
    String chars = "abc PyDict_GetItem(){};/*\"'\\\n#";
    StringBuilder b = new StringBuilder();
    int n = rnd.nextInt(20);
    for (int i = 0; i < n; i++) {
      b.append(chars.charAt(rnd.nextInt(chars.length())));
    }
    return b.toString();
  }
}
