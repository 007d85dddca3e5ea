import gc
import sys
import unittest


def test_refcount():
    x = object()
    assert sys.getrefcount(x) == 2  # expect: FT106


class RefTest(unittest.TestCase):
    def test_refcount(self):
        x = []
        self.assertEqual(sys.getrefcount(x), 2)  # expect: FT106

    def test_generations(self):
        gc.collect(0)  # expect: FT106
        self.assertEqual(gc.get_count()[0], 0)  # expect: FT106


def test_threshold():
    old = gc.get_threshold()  # expect: FT106
    gc.set_threshold(1)  # expect: FT106
    gc.set_threshold(*old)  # expect: FT106
