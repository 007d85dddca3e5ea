"""Silences a noisy library call."""
import os
import sys


def silently(fn):
    saved = sys.stdout
    sys.stdout = open(os.devnull, "w")  # expect: FT104
    try:
        return fn()
    finally:
        sys.stdout.close()
        sys.stdout = saved  # expect: FT104
