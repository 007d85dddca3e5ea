"""Walks deeply nested JSON."""
import sys


def depth(node):
    sys.setrecursionlimit(100_000)  # expect: FT104
    if isinstance(node, dict):
        return 1 + max((depth(v) for v in node.values()), default=0)
    return 0
