import ctypes
import threading
import time

_users = 0
_users_lock = threading.Lock()


def use_buffer():
    """Stands in for a C extension with a data race: two threads inside at once is a use-after-free.

    The crash is real (the interpreter dies with SIGSEGV); only its trigger is made deterministic.
    """
    global _users
    with _users_lock:
        _users += 1
        concurrent = _users
    try:
        time.sleep(0.05)
        if concurrent > 1:
            ctypes.string_at(0)
        return b"ok"
    finally:
        with _users_lock:
            _users -= 1
