"""Debug helper printing reference counts (not a test)."""
import sys


def debug_refs(obj):
    count = sys.getrefcount(obj)
    print(f"{type(obj).__name__}: {count} references")
    return count
