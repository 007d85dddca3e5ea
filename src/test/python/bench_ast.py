"""CPython's side of ParserBenchmark: ast.parse over a list of files, in one process.

Reads the file paths from the file named on the command line, loads every file, then parses them
all ``rounds`` times and prints the best round as ``files bytes lines seconds``.
"""

import ast
import sys
import time
import warnings

warnings.simplefilter("ignore")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    sources = []
    for p in paths:
        with open(p, "rb") as f:
            sources.append(f.read())
    size = sum(len(s) for s in sources)
    lines = sum(s.count(b"\n") for s in sources)
    best = None
    for _ in range(rounds):
        started = time.perf_counter()
        for s in sources:
            try:
                ast.parse(s)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                pass
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    print(len(sources), size, lines, "%.6f" % best)


if __name__ == "__main__":
    main()
