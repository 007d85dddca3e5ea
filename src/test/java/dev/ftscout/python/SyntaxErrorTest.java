package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syntax errors are reported as CPython 3.13 reports them: the same exception class, message, line
 * and column for the first error of each snippet below (CPython is asked, not quoted).
 */
class SyntaxErrorTest {

  static final List<String> INVALID =
      List.of(
          "x = = 1\n",
          "if x\n    pass\n",
          "while x\n    pass\n",
          "for x in y\n    pass\n",
          "def f()\n    pass\n",
          "class C\n    pass\n",
          "with a\n    pass\n",
          "try:\n    pass\n",
          "if x:\npass\n",
          "def f():\nreturn 1\n",
          "for x in y:\n\n",
          "x = 1\n    y = 2\n",
          "if x:\n        a = 1\n    b = 2\n",
          "if x:\n        a = 1\n\tb = 2\n",
          "x = (1, 2\ny = 3\n",
          "x = [1, 2\n",
          "x = 1)\n",
          "x = (1]\n",
          "x = (1,\n 2]\n",
          "s = 'unterminated\n",
          "s = \"\"\"never closed\n\n",
          "x = 0777\n",
          "x = 1L\n",
          "x = 0x\n",
          "x = 1_\n",
          "x = 0b102\n",
          "x = 0o8\n",
          "x = 1__0\n",
          "x = 5 ? 3\n",
          "x = `y`\n",
          "x = $\n",
          "a € b\n",
          "print 'hello'\n",
          "exec 'code'\n",
          "f() = 1\n",
          "1 = x\n",
          "None = 1\n",
          "a + b = c\n",
          "del f()\n",
          "del (a, 1)\n",
          "for f() in x: pass\n",
          "(a, b): int\n",
          "[a]: int = 1\n",
          "f(): int\n",
          "a, b += 1\n",
          "f() += 1\n",
          "x = yield = 1\n",
          "f(a=1, b)\n",
          "f(**a, b)\n",
          "f(**a, *b)\n",
          "f(x for x in y, 1)\n",
          "f(a, x for x in y)\n",
          "f(True=1)\n",
          "f(a.b=1)\n",
          "f(a=)\n",
          "def f(a=1, b): pass\n",
          "def f(/, a): pass\n",
          "def f(a, /, b, /): pass\n",
          "def f(*, **k): pass\n",
          "def f(*): pass\n",
          "def f(*a=1): pass\n",
          "def f(**k=1): pass\n",
          "def f(**k, a): pass\n",
          "def f(*a, *b): pass\n",
          "def f(a, *, b, /): pass\n",
          "def f((a, b)): pass\n",
          "lambda (a): 0\n",
          "x = {1: 2, 3}\n",
          "x = {1: }\n",
          "x = {**a: 1}\n",
          "x = [*a for a in b]\n",
          "x = (a, b c)\n",
          "x = [a b]\n",
          "x = f(a b)\n",
          "x = 1 if 2\n",
          "x = a if b else\n",
          "print(*)\n",
          "x = (*a)\n",
          "x = (**a)\n",
          "x = a := 1\n",
          "(a.b := 1)\n",
          "if x = 1: pass\n",
          "import\n",
          "from x import\n",
          "from x import a,\n",
          "import a from b\n",
          "from x import (a, b\n",
          "import a as b.c\n",
          "raise from x\n",
          "raise x from\n",
          "assert x = 1\n",
          "try:\n    pass\nexcept E, e:\n    pass\n",
          "try:\n    pass\nexcept (A, B) as (c, d):\n    pass\n",
          "try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n",
          "try:\n    pass\nexcept*:\n    pass\n",
          "try:\n    pass\nelse:\n    pass\n",
          "if x:\n    pass\nelse:\n    pass\nelif y:\n    pass\n",
          "else:\n    pass\n",
          "match x:\n    case 1:\n        pass\n    case _ as _:\n        pass\n",
          "match x:\n    case a.b():\n        pass\n    case C(a=1, 2):\n        pass\n",
          "match x:\n    case {**r, 'a': 1}:\n        pass\n",
          "match x:\n    case 1 + 2:\n        pass\n",
          "match x\n    case 1: pass\n",
          "x = 'a' b'c'\n",
          "x = f'{}'\n",
          "x = f'{!r}'\n",
          "x = f'{a!x}'\n",
          "x = f'{a!}'\n",
          "x = f'{a'\n",
          "x = f'{a b}'\n",
          "x = f'}'\n",
          "x = f'{lambda x: 1}'\n",
          "x = '\\x4'\n",
          "x = b'\\x4'\n",
          "x = '\\N{NOT A NAME}'\n",
          "x = '\\N'\n",
          "x = b'caf\u00e9'\n",
          "class C[]: pass\n",
          "def f[*Ts: int](): pass\n",
          "def f[**P: int](): pass\n",
          "type X[] = int\n",
          "async x = 1\n",
          "def f(): pass\n  x = 1\n",
          "x = 1 +\n",
          "x = (\n",
          "\\\n",
          "x = 1 \\ 2\n",
          "x = 1\\\n",
          "@\ndef f(): pass\n",
          "def f(a, a): pass\n",
          "nonlocal x\n",
          "def f():\n    global x\n    nonlocal x\n",
          "def f(a):\n    global a\n",
          "def f():\n    x = 1\n    global x\n",
          "def f():\n    nonlocal y\n",
          "def f():\n    from x import *\n",
          "[(i := 1) for i in range(3)]\n",
          "[x for x in (y := [1])]\n",
          "class C:\n    [(y := 1) for x in z]\n",
          "def f[T, T](): pass\n",
          "from __future__ import braces\n",
          "from __future__ import nonexistent\n",
          "x = 1\u3000+ 1\n",
          "x = 'a'\n\u00a0y = 2\n");

  @Test
  void firstErrorMatchesCpython(@TempDir Path dir) throws IOException {
    Pythons.Python reference =
        Pythons.version(3, 13)
            .orElseThrow(() -> {
              Assumptions.abort("CPython 3.13 (the reference) is not installed");
              return new IllegalStateException();
            });
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < INVALID.size(); i++) {
      Path f = dir.resolve("bad" + i + ".py");
      Files.writeString(f, INVALID.get(i), StandardCharsets.UTF_8);
      files.add(f);
    }
    List<CpythonReference.Verdict> theirs = CpythonReference.verdicts(reference, files, 2);
    PythonParser parser = new PythonParser();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String src = INVALID.get(i);
      ParseResult r = parser.parse("bad.py", src, PythonVersion.PY313);
      List<String> errors = new ArrayList<>();
      r.errors().forEach(e -> errors.add(e.toString()));
      CpythonReference.Verdict v = theirs.get(i);
      String symtableError =
          dev.ftscout.python.scope.SymbolTable.build(r.module()).errors().stream()
              .findFirst()
              .map(e -> e.message())
              .orElse("");
      if (v.error().isEmpty()) {
        // CPython's parser accepts it: the problem is one its compiler or symtable finds.
        if (!r.ok() || symtableError.isEmpty()) {
          mismatches.add(
              show(src)
                  + "\n    CPython ast accepts it; ours: "
                  + errors
                  + " symtable: "
                  + symtableError);
        }
        continue;
      }
      CpythonReference.Rejection e = v.error().get();
      if (r.ok()) {
        mismatches.add(show(src) + "\n    CPython: " + e + "\n    ours: accepted");
        continue;
      }
      SyntaxError ours = r.errors().get(0);
      boolean same =
          ours.kind().pythonName().equals(e.type())
              && ours.message().equals(e.message())
              && ours.line() == e.line()
              && ours.column() == e.offset();
      if (!same) {
        mismatches.add(
            show(src)
                + "\n    CPython: "
                + e
                + "\n    ours:    "
                + ours.line()
                + ":"
                + ours.column()
                + ": "
                + ours.kind().pythonName()
                + ": "
                + ours.message());
      }
    }
    assertThat(mismatches).as("snippets whose first error differs from CPython's").isEmpty();
  }

  private static String show(String src) {
    return src.replace("\n", "\\n");
  }
}
