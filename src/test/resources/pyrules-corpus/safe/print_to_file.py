"""Writes reports to a stream passed in."""
import sys


def report(lines, out=None):
    out = out or sys.stdout
    for line in lines:
        print(line, file=out)
