import gc
import sys
import weakref


class Thing:
    pass


def test_freed():
    t = Thing()
    r = weakref.ref(t)
    del t
    gc.collect()
    assert r() is None


def test_relative():
    x = object()
    before = sys.getrefcount(x)
    y = x
    assert y is x
    print(before)
