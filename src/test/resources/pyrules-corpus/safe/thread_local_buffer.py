"""Scratch buffers kept per thread."""
import threading

_local = threading.local()


def buffer():
    buf = getattr(_local, "buf", None)
    if buf is None:
        buf = _local.buf = bytearray(4096)
    _local.uses = getattr(_local, "uses", 0) + 1
    return buf
