package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-picked corners of the tokenizer and grammar, each compared with CPython 3.13's {@code ast}
 * and {@code symtable} exactly as the corpus is: byte-level input (BOM, PEP 263 encodings, CR and
 * CRLF line ends, form feeds, tabs, NUL-free odd bytes), every string prefix, PEP 701 f-strings,
 * numbers, soft keywords, and the statement forms of 3.8 to 3.13.
 */
class SnippetDifferentialTest {

  static final List<String> VALID =
      List.of(
          // numbers and literals
          "x = 1_000_000 + 0x_ff + 0o17 + 0b1_0 + 1_0.5e-1_0 + 3j + 1E5J + .5 + 5. + 0_0\n",
          "x = 123456789012345678901234567890 ** 2, 0xFFFFFFFFFFFFFFFFFFFF, 1e400, 0e0\n",
          "x = 1if y else 2\nz = [0x1for x in y]\nw = 1or 2\n",
          "s = 'a' \"b\" '''c''' \"\"\"d\"\"\" r'\\d' R\"\\n\" u'x' U'y'\nb = b'\\x00\\xff' Rb'\\n' bR'x' rb'' BR\"\"\n",
          "s = u'a' 'b'\nt = 'a' u'b'\nb = b'a' b'b'\n",
          "s = '\\N{BULLET} \\N{latin small letter a} \\u00e9 \\U0001F600 \\x41 \\101 \\777 \\q \\\n'\n",
          "s = '''line1\nline2 \\\nline3'''\n",
          "s = b'\\777 \\xAb \\q'\n",
          "x = ...\ny = None, True, False\n",
          // f-strings (PEP 701)
          "f'{x!r:>{width}.{prec}}' f\"{'nested' + f'{1 + 2}'}\" f'{x=}' f'{x = !s:^10}'\n",
          "f'{\"same quotes\"}' f'{f'{f'{1}'}'}' f'{{literal}} {{{x}}}'\n",
          "f'''{\nx # comment\n+ 1\n}''' f'{x:{y}}' f'{x:}' f'{x!a}' rf'\\d{x}\\n' fr'{x}\\{{'\n",
          "f'\\N{BULLET} {x} \\{x}' f'{3.14:.2f}' f'{x:%Y-%m-%d}' f'{(lambda: 1)()}'\n",
          "f'{a[\"b\"]!r}' f\"{x:{'>' if y else '<'}10}\" f'{x,}' f'{*x,}' f'{yield}' if 0 else 0\n",
          "f'{x=!r:20}' f'{x=:.2}' f'{ x = }'\n",
          "f'''a\n{b}\nc\n{d!r:\n>10}'''\n",
          "f'{x:\\n}' f'{x:>{y}}' if 0 else 1\n",
          // unicode identifiers and normalization
          "ℌ = 1\nπ = ℌ + 2\nﬁ = 3\nclass Å: pass\n",
          // indentation, tabs, form feeds, continuation lines
          "if x:\n\tif y:\n\t\tpass\n\telse:\n\t\tpass\n",
          "if x:\n        a = 1\n        b = 2\n",
          "\f\nclass A:\n\f    def f(self):\n        pass\n",
          "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
          "def f(\n    a,\n    b,\n):\n    return (a +\n            b)\n",
          "x = [\n  1,\n\n  # comment\n  2,\n]\n",
          "if x:\n    pass\n# trailing comment at column 0\n    # indented comment\ny = 2\n",
          "   \n\t\n# only blank lines first\nx = 1\n",
          "x = 1;y = 2;\n",
          // statements of every version
          "def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n    return a\n",
          "def g(a, /): pass\ndef h(*, a): pass\nlambda a, /, b=1, *c, d, **e: 0\nlambda: 0\nlambda *a: a\n",
          "if (n := len(a)) > 10: pass\n[y := 1, y ** 2]\nf(x := 1)\nwhile chunk := read(): pass\n",
          "@a.b(c)\n@(lambda f: f)\n@x[0].y\n@a if b else c\ndef f(): ...\n",
          "with (open(a) as f, open(b) as g):\n    pass\nwith (a, b):\n    pass\nwith (a, b) as c, d:\n    pass\n",
          "with a as (b, c), d as e[0], f as g.h:\n    pass\nwith (yield):\n    pass\n",
          """
          match command.split():
              case [action]:
                  pass
              case [action, obj]:
                  pass
              case Point(x=0, y=0) | Point(0, 0):
                  pass
              case {'a': 1, **rest}:
                  pass
              case [1, 2, *others] if others:
                  pass
              case (1 | 2 | 3) as n:
                  pass
              case -1 | 1.5 | 2 + 3j | -4 - 5j | 'x' 'y' | b'z' | None | True | False:
                  pass
              case a.b.c:
                  pass
              case {a.b: _, 'k': [*_]}:
                  pass
              case ():
                  pass
              case (x,):
                  pass
              case _:
                  pass
          """,
          "match x, y:\n    case 1, 2: pass\n    case *a, b: pass\nmatch = 1\nmatch.x = 2\nmatch(x)\ncase = 3\n_ = 4\n",
          "match(x):\n    case [a, b]: pass\nmatch -x:\n    case _: pass\nmatch [a]:\n    case [b]: pass\n",
          "try:\n    pass\nexcept* ValueError:\n    pass\nexcept* (TypeError, KeyError) as e:\n    pass\n",
          "try:\n    pass\nexcept (A, B):\n    pass\nexcept C as c:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
          "a[*b]\na[1:2, *c]\nfor x in *a, *b: pass\ndef f(*args: *Ts): pass\nreturn_ = (*a, *b)\n",
          "type Point = tuple[float, float]\ntype ListOrSet[T] = list[T] | set[T]\ntype = 5\ntype(x)\n",
          "def f[T: int, *Ts, **P](x: T) -> T: ...\nclass C[T](Base[T], metaclass=M): pass\n",
          "def f[T = int, *Ts = *tuple[int], **P = [int, str]](): pass\nclass D[T: (int, str) = int]: pass\n",
          "async def f():\n    async for x in y: pass\n    async with a as b: pass\n    await x\n    [i async for i in a]\n    return [await z for z in w]\n",
          "x = yield\ndef g():\n    x = yield 1\n    y = yield from z\n    return (yield)\n",
          "global a, b\ndef f():\n    nonlocal_ = 1\n    def g():\n        nonlocal nonlocal_\n",
          "del a, (b, c), [d], e.f, g[0]\nassert x, 'msg'\nraise E from None\nraise\n",
          "from . import a\nfrom .. import b as c\nfrom ...x.y import (z, w as v,)\nimport a.b.c as d, e\nfrom x import *\n",
          "x: int\ny: 'str' = 'a'\n(z): int = 1\na.b: int\nc[0]: int = 1\nx += 1; y @= m; z //= 2; w **= 3; v >>= 1\n",
          "print(*args, sep='', **kwargs)\nf(a for a in b)\nf(*a, b, *c, d=1, **e, f=2)\nf(x)(y)[z].w\n",
          "a = b = c = 1\na, *b = c\n[a, (b, c)] = d\n(a) = 1\n((a)) = 2\n",
          "x = [i for i in range(3) if i if i > 0 for j in range(i)]\ny = {k: v for k, v in d.items()}\nz = {s for s in t}\ng = (x for x in y)\n",
          "x = a if b else c if d else e\ny = not a and b or c\nz = a < b <= c != d is not e in f not in g\n",
          "x = -a ** -b\ny = (-a) ** b\nz = ~a + +b - -c\nw = a @ b\nv = a | b ^ c & d << e >> f\n",
          "x = a[1:2:3, ::, :, 1:]\ny = a[()]\nz = a[(1, 2)]\nw = a[b:=1]\n",
          "x = {**a, 'b': 1, **c}\ny = [*a, *b]\nz = {*a, *b}\nw = ()\nv = (1,)\n",
          "class A:\n    def f(self):\n        return __class__, super().f(), self.__x\n    __y = 1\n    def __z(self): pass\n",
          "class A:\n    x = 1\n    y = [x for _ in range(3)]\n    z = [a for a in range(x)]\n",
          "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n    return inner\n",
          "def f():\n    [(y := 1) for _ in range(3)]\n    return y\n[(z := 2) for _ in range(3)]\n",
          "from __future__ import annotations\ndef f(a: int) -> str: pass\nx: list[int] = []\n",
          "if True:\n    pass\nelif False:\n    pass\nelse:\n    pass\nwhile 0:\n    break\nelse:\n    continue_ = 1\n",
          "for i in range(3):\n    continue\nelse:\n    pass\n",
          "@dataclass\nclass C:\n    '''docstring'''\n    a: int = 0\n",
          "x = \"\"\"\n    multi\n\"\"\" + '''x''' \"\"\n");

  /** Files as bytes: encodings, BOMs and line ends the text list cannot express. */
  static List<byte[]> byteLevel() {
    List<byte[]> out = new ArrayList<>();
    out.add("\uFEFFx = 'bom'\n".getBytes(StandardCharsets.UTF_8));
    out.add("\uFEFF# -*- coding: utf-8 -*-\nx = 1\n".getBytes(StandardCharsets.UTF_8));
    out.add(
        "# -*- coding: latin-1 -*-\nx = 'caf\u00e9' # \u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    out.add(
        "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\ns = '\u20ac'\n"
            .getBytes(Charset.forName("ISO-8859-15")));
    out.add(
        "# coding=cp1252\ns = '\u201cquoted\u201d'\n".getBytes(Charset.forName("windows-1252")));
    out.add(
        "# coding: koi8-r\n\u0438\u043c\u044f = '\u0442\u0435\u043a\u0441\u0442'\n"
            .getBytes(Charset.forName("KOI8-R")));
    out.add("x = 1\r\nif x:\r\n    y = '''a\r\nb'''\r\n".getBytes(StandardCharsets.UTF_8));
    out.add("x = 1\rif x:\r    y = 2\r".getBytes(StandardCharsets.UTF_8));
    out.add("x = 1\r\n\r\n# c\r\ny = 2".getBytes(StandardCharsets.UTF_8));
    out.add(
        "s = '\u00e9\u4e2d\ud83d\ude00'\nt = f'{s}\u00e9{s!r}\u4e2d'\n"
            .getBytes(StandardCharsets.UTF_8));
    out.add(
        "x = 1 # \u00ff comment with odd bytes is fine\n".getBytes(StandardCharsets.ISO_8859_1));
    out.add("\u00e9l\u00e9ment = \u00e9 = 1\n".getBytes(StandardCharsets.UTF_8));
    out.add("def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n".getBytes(StandardCharsets.UTF_8));
    out.add("x = (1 +\n\t2)\n\f\ny = 3\n".getBytes(StandardCharsets.UTF_8));
    out.add(new byte[0]);
    out.add("\n\n\n".getBytes(StandardCharsets.UTF_8));
    out.add("# only a comment".getBytes(StandardCharsets.UTF_8));
    out.add("x = 1".getBytes(StandardCharsets.UTF_8));
    out.add("if x:\n    pass".getBytes(StandardCharsets.UTF_8));
    return out;
  }

  @Test
  void snippetsMatchCpython(@TempDir Path dir) throws IOException {
    Pythons.Python reference =
        Pythons.version(3, 13)
            .orElseThrow(() -> {
              Assumptions.abort("CPython 3.13 (the reference) is not installed");
              return new IllegalStateException();
            });
    List<Path> files = new ArrayList<>();
    int i = 0;
    for (String s : VALID) {
      Path f = dir.resolve("snippet" + i++ + ".py");
      Files.writeString(f, s, StandardCharsets.UTF_8);
      files.add(f);
    }
    for (byte[] b : byteLevel()) {
      Path f = dir.resolve("snippet" + i++ + ".py");
      Files.write(f, b);
      files.add(f);
    }
    Differential.Outcome o =
        Differential.run(
            reference,
            files,
            PythonVersion.PY313,
            r -> SymtableText.of(SymbolTable.build(r.module())),
            true,
            files.size());
    assertThat(o.rejected()).as("these snippets are all valid Python 3.13").isEmpty();
    assertThat(o.failures()).isEmpty();
    assertThat(o.files()).isEqualTo(VALID.size() + byteLevel().size());
  }
}
