"""The request budget, updated under a lock."""
import threading
import time

_lock = threading.Lock()
_window_start = time.monotonic()
_used = 0
BUDGET = 100


def allow():
    global _window_start, _used
    with _lock:
        now = time.monotonic()
        if now - _window_start > 1.0:
            _window_start = now
            _used = 0
        _used += 1
        return _used <= BUDGET
