"""Totals updated between acquire and release."""
import threading

_totals = {}
_mutex = threading.Lock()


def add(key, n):
    _mutex.acquire()
    try:
        _totals[key] = _totals.get(key, 0) + n
    finally:
        _mutex.release()
