import gc
import weakref


class Node:
    pass


def test_cycle_collected():
    a, b = Node(), Node()
    a.other, b.other = b, a
    ref = weakref.ref(a)
    del a, b
    gc.collect()
    assert ref() is None
