"""A per-process request budget shared by worker threads."""
import time

_window_start = time.monotonic()
_used = 0
BUDGET = 100


def allow():
    global _window_start, _used
    now = time.monotonic()
    if now - _window_start > 1.0:
        _window_start = now
        _used = 0
    _used += 1  # expect: FT101
    return _used <= BUDGET
