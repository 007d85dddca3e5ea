import gc
import sys


def test_buffer_released():
    buf = bytearray(10)
    view = memoryview(buf)
    view.release()
    assert sys.getrefcount(buf) == 2  # expect: FT106


def test_young_collection():
    gc.collect(1)  # expect: FT106
    assert gc.get_count()[0] < 10  # expect: FT106
