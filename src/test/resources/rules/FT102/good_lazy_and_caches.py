"""Atomic or locked versions of the same caches, and look-alikes on unshared state."""
import functools
import threading

_cache = {}
_lock = threading.Lock()
_instance = None
_DEFAULTS = {"a": 1}

if "boot" not in _cache:
    _cache["boot"] = 1  # import time: one thread


def lookup(key, compute):
    return _cache.setdefault(key, compute(key))


def lookup_locked(key, compute):
    with _lock:
        if key not in _cache:
            _cache[key] = compute(key)
        return _cache[key]


def get_instance():
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = object()
    return _instance


@functools.lru_cache(maxsize=None)
def settings():
    global _instance
    if _instance is None:
        _instance = object()
    return _instance


def forget(key):
    _cache.pop(key, None)


def local_memo(items):
    seen = {}
    for item in items:
        if item not in seen:
            seen[item] = len(seen)
    return seen


def read_only(key):
    if key in _DEFAULTS:
        return _DEFAULTS[key]
    return None


class Widget:
    def __init__(self):
        self._conn = None

    def conn(self):
        if self._conn is None:
            self._conn = object()
        return self._conn
