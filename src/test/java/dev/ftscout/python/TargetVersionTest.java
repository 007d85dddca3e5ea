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
 * The target version decides which syntax is accepted, and the real interpreters decide what is
 * right: for every pyenv CPython from 3.8 on, each snippet below must be accepted with that version
 * as the target exactly when that interpreter's {@code ast.parse} accepts it.
 */
class TargetVersionTest {

  static final List<String> SNIPPETS =
      List.of(
          // 3.8
          "x = (y := 1)\n",
          "def f(a, /, b, *, c): pass\n",
          "f'{x=}'\n",
          "f'{x=!r:>10}'\n",
          "def f():\n    return 1, *a\n",
          "(a := 1, b := 2)\n",
          // 3.9
          "@a.b[0]\ndef f(): pass\n",
          "@(lambda f: f)\ndef f(): pass\n",
          "@x if y else z\nclass C: pass\n",
          "with (a as b, c as d):\n    pass\n",
          "with (a as b):\n    pass\n",
          "with (a, b,):\n    pass\n",
          "for x in *a, *b:\n    pass\n",
          // 3.10
          "match x:\n    case 1:\n        pass\n",
          "match x:\n    case [a, *rest] if a:\n        pass\n",
          "x[y := 1]\n",
          "{y := 1, 2}\n",
          "{y := 1 for z in w}\n",
          // 3.11
          "try:\n    pass\nexcept* E:\n    pass\n",
          "x[*a]\n",
          "x[1, *a]\n",
          "def f(*args: *Ts): pass\n",
          // 3.12
          "type X = int\n",
          "type X[T] = list[T]\n",
          "def f[T](x: T) -> T: pass\n",
          "class C[T: int, *Ts, **P]: pass\n",
          "f'{\"nested\"}'\n",
          "f'{f'{1}'}'\n",
          "f'{\"\\n\".join(x)}'\n",
          "f'''{x # comment\n}'''\n",
          "f'{x\n}'\n",
          "f\"{'a'}\" f'{\"b\"}'\n",
          // 3.13
          "def f[T = int](): pass\n",
          "class C[T: int = str, *Ts = *tuple[int], **P = [int]]: pass\n",
          "type A[T = int] = list[T]\n",
          // 3.14, so rejected by every interpreter here
          "t'hello {name}'\n",
          "try:\n    pass\nexcept A, B:\n    pass\n",
          // valid in every version
          "x = 1_000 + 0o17 + 0b1 + 1e5j\n",
          "async def f():\n    [x async for x in y]\n    await z\n",
          "print(*a, *b, **c, **d)\n",
          "f'{x:{y}}' f'{x!r}' 'plain' u'unicode' rb'raw'\n",
          "class A(B, metaclass=M, **kw): pass\n",
          "with (open(f)) as g, (yield):\n    pass\n",
          "del (a), [b], c.d, e[0]\n",
          "match = case = type = _ = 1\n",
          "x: int = 1\n(y): str\n",
          "for x, in y: pass\n",
          "lambda *a, **k: (yield)\n",
          "global x, y\n",
          "x = [*a, *b], {**c, 'd': 1}, {*e}\n",
          "a[b:c, d:e:f, ...]\n",
          "if (n := len(a)) > 1: pass\n",
          "\u00e9l\u00e9ment = 1\n",
          // invalid in every version
          "x = = 1\n",
          "print 'x'\n",
          "def f(a=1, b): pass\n",
          "f(**a, *b)\n");

  @Test
  void acceptsExactlyWhatEachInterpreterAccepts(@TempDir Path dir) throws IOException {
    List<Pythons.Python> pythons = Pythons.atLeast(3, 8);
    if (pythons.isEmpty()) {
      Assumptions.abort("no CPython 3.8 or newer installed");
    }
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < SNIPPETS.size(); i++) {
      Path f = dir.resolve("v" + i + ".py");
      Files.writeString(f, SNIPPETS.get(i), StandardCharsets.UTF_8);
      files.add(f);
    }
    PythonParser parser = new PythonParser();
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    for (Pythons.Python py : pythons) {
      if (py.minor() > PythonVersion.LATEST.minor()) {
        continue;
      }
      PythonVersion target = new PythonVersion(py.major(), py.minor());
      List<CpythonReference.Verdict> verdicts = CpythonReference.verdicts(py, files, 1, true);
      for (int i = 0; i < files.size(); i++) {
        boolean theirs = verdicts.get(i).error().isEmpty();
        ParseResult r = parser.parse("v.py", SNIPPETS.get(i), target);
        boolean ours = r.ok();
        compared++;
        if (theirs != ours) {
          disagreements.add(
              "target "
                  + target
                  + ": "
                  + SNIPPETS.get(i).replace("\n", "\\n")
                  + " CPython "
                  + (theirs ? "accepts" : "rejects (" + verdicts.get(i).error().get() + ")")
                  + ", ours "
                  + (ours ? "accepts" : "rejects (" + r.errors().get(0).message() + ")"));
        }
      }
    }
    assertThat(disagreements).as("snippets judged differently than the real interpreter").isEmpty();
    assertThat(compared).isEqualTo(SNIPPETS.size() * pythons.size());
  }

  @Test
  void newerSyntaxNamesTheVersionItNeeds() {
    PythonParser parser = new PythonParser();
    ParseResult r =
        parser.parse("m.py", "match x:\n    case 1:\n        pass\n", PythonVersion.PY39);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).toString())
        .isEqualTo(
            "m.py:1:1: SyntaxError: match statement requires Python 3.10 or newer (target version"
                + " is 3.9)");
    assertThat(r.module().body()).as("the tree is still built").hasSize(1);

    ParseResult t = parser.parse("t.py", "x = t'{a}'\n", PythonVersion.PY313);
    assertThat(t.errors().get(0).message())
        .isEqualTo("t-string requires Python 3.14 or newer (target version is 3.13)");
    assertThat(parser.parse("t.py", "x = t'{a}'\n", PythonVersion.PY314).ok()).isTrue();
  }

  @Test
  void versionsParseFromTheUsualSpellings() {
    assertThat(PythonVersion.parse("3.12")).contains(PythonVersion.PY312);
    assertThat(PythonVersion.parse("3.8.18")).contains(PythonVersion.PY38);
    assertThat(PythonVersion.parse("py310")).contains(PythonVersion.PY310);
    assertThat(PythonVersion.parse("311")).contains(PythonVersion.PY311);
    assertThat(PythonVersion.parse("three")).isEmpty();
    assertThat(PythonVersion.PY313.atLeast(3, 12)).isTrue();
    assertThat(PythonVersion.PY38.atLeast(PythonVersion.PY39)).isFalse();
  }
}
