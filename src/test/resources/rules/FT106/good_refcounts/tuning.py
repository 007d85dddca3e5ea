"""Library code may read reference counts and tune the collector; only tests assert on them."""
import gc
import sys


def configure():
    gc.set_threshold(10000)


def is_temporary(obj):
    return sys.getrefcount(obj) <= 3
