"""Evicts expired entries from a module cache."""
import time

_entries = {}


def put(key, value, ttl):
    _entries[key] = (value, time.monotonic() + ttl)


def expired():
    now = time.monotonic()
    return [k for k, (_, deadline) in _entries.items() if deadline < now]  # expect: FT103
