"""Reference dumps of CPython's own ``ast`` and ``symtable`` for ftscout's differential tests.

Reads file paths from stdin, one per line, and writes one line per file to stdout:

    <index> OK <ast md5> <node count> <symtable md5> <symbol count>
    <index> ERR <line> <offset> <end line> <end offset> <exception class> <message>

(tab-separated). ``--dump`` writes the full text instead (``### <index>`` then the AST
text, then ``### sym`` and the symtable text), for showing where a difference is.
``--verdict-only`` only parses (any Python 3.8+ runs it), for version checks.

The text format is shared with ``AstText`` and ``SymtableText`` on the Java side:

* a node is ``Name@lineno,col,end_lineno,end_col(field=value,...)`` (no ``@...`` for
  nodes without positions); ``type_comment`` fields and ``type_ignores`` are left out;
* a list is ``[a,b]``, ``None`` is ``~``, strings are JSON (ASCII only), ints decimal;
* a constant is ``s"..."`` (str), ``b<hex>`` (bytes), ``i<int>``, ``f<IEEE bits hex>``,
  ``j<imaginary part bits hex>``, ``T``/``F``/``N``/``E`` (True, False, None, ...).
"""

import ast
import hashlib
import json
import struct
import sys
import warnings

try:
    import _symtable
except ImportError:  # pragma: no cover
    _symtable = None

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)
sys.setrecursionlimit(100000)
warnings.simplefilter("ignore")

dumps = json.dumps
SKIP = {"type_comment", "type_ignores"}
_pack = struct.Struct("<d").pack
_unpack = struct.Struct("<Q").unpack


def const(v):
    t = type(v)
    if t is str:
        return "s" + dumps(v)
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if v is Ellipsis:
        return "E"
    if t is int:
        return "i%d" % v
    if t is float:
        return "f%016x" % _unpack(_pack(v))[0]
    if t is complex:
        return "j%016x" % _unpack(_pack(v.imag))[0]
    if t is bytes:
        return "b" + v.hex()
    raise TypeError(t)


COUNT = [0]
D = {}


def seq(v, a):
    a("[")
    first = True
    for x in v:
        if not first:
            a(",")
        first = False
        if x is None:
            a("~")
        elif type(x) is str:
            a(dumps(x))
        else:
            D[x.__class__](x, a)
    a("]")


def generate():
    """One specialised function per node class: several times faster than a generic walk."""
    src = []
    for name in dir(ast):
        cls = getattr(ast, name)
        if not (isinstance(cls, type) and issubclass(cls, ast.AST)):
            continue
        if cls.__subclasses__() and not cls._fields:
            continue
        fields = [f for f in cls._fields if f not in SKIP]
        haspos = "end_col_offset" in cls._attributes
        lines = ["def s_%s(n, a):" % name, "  COUNT[0] += 1"]
        if haspos:
            lines.append(
                "  a('%s@%%d,%%d,%%d,%%d(' %% (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset))"
                % name
            )
        else:
            lines.append("  a('%s(')" % name)
        for i, f in enumerate(fields):
            lines.append("  a('%s%s=')" % ("," if i else "", f))
            lines.append("  v = n.%s" % f)
            if name in ("Constant", "MatchSingleton") and f == "value":
                lines.append("  a(const(v))")
            else:
                lines.append("  if v is None: a('~')")
                lines.append("  elif type(v) is list: seq(v, a)")
                lines.append("  elif type(v) is str: a(dumps(v))")
                lines.append("  elif type(v) is int: a('%d' % v)")
                lines.append("  else: D[v.__class__](v, a)")
        lines.append("  a(')')")
        lines.append("D[ast.%s] = s_%s" % (name, name))
        src.append("\n".join(lines))
    exec("\n".join(src), globals())


generate()

SCOPE_OFFSET = getattr(_symtable, "SCOPE_OFF", 12) if _symtable else 12
SCOPE_MASK = getattr(_symtable, "SCOPE_MASK", 15) if _symtable else 15
# Definition flags as symtable.c defines them (bits 0-11).
DEF_MASK = (1 << SCOPE_OFFSET) - 1


def symtable_text(table, out):
    """Every scope: type, name, line; then each symbol with its scope and definition flags."""
    COUNT[0] += 0
    out.append("%s %s %d\n" % (table.type, table.name, table.lineno))
    for sym in sorted(table.symbols):
        flags = table.symbols[sym]
        out.append("  %s %d %d\n" % (sym, (flags >> SCOPE_OFFSET) & SCOPE_MASK, flags & DEF_MASK))
        SYMS[0] += 1
    for child in table.children:
        symtable_text(child, out)


SYMS = [0]


def error_fields(e):
    msg = getattr(e, "msg", None) or str(e)
    return "%d\t%d\t%d\t%d\t%s\t%s" % (
        getattr(e, "lineno", None) or 0,
        getattr(e, "offset", None) or 0,
        getattr(e, "end_lineno", None) or 0,
        getattr(e, "end_offset", None) or 0,
        type(e).__name__,
        msg.replace("\n", " ").replace("\t", " "),
    )


def one(path, dump, verdict_only=False):
    with open(path, "rb") as f:
        data = f.read()
    COUNT[0] = 0
    SYMS[0] = 0
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError) as e:
        return None, None, error_fields(e)
    except (RecursionError, MemoryError) as e:
        return None, None, "0\t0\t0\t0\t%s\t%s" % (type(e).__name__, e)
    if verdict_only:
        return "", "", None
    out = []
    D[tree.__class__](tree, out.append)
    ast_text = "".join(out)
    sym_text = ""
    if _symtable is not None:
        try:
            top = _symtable.symtable(data, path, "exec")
            sout = []
            symtable_text(top, sout)
            sym_text = "".join(sout)
        except (SyntaxError, ValueError) as e:
            sym_text = "ERR\n"
    return ast_text, sym_text, None


def main():
    dump = "--dump" in sys.argv
    verdict_only = "--verdict-only" in sys.argv
    out = sys.stdout
    for index, line in enumerate(sys.stdin):
        path = line.rstrip("\n")
        if not path:
            continue
        ast_text, sym_text, err = one(path, dump, verdict_only)
        if err is not None:
            out.write("%d\tERR\t%s\n" % (index, err))
        elif dump:
            out.write("### %d\n%s\n### sym\n%s" % (index, ast_text, sym_text))
        else:
            out.write(
                "%d\tOK\t%s\t%d\t%s\t%d\n"
                % (
                    index,
                    hashlib.md5(ast_text.encode("ascii")).hexdigest(),
                    COUNT[0],
                    hashlib.md5(sym_text.encode("utf-8", "surrogatepass")).hexdigest(),
                    SYMS[0],
                )
            )
        out.flush() if dump else None
    out.flush()


if __name__ == "__main__":
    main()
