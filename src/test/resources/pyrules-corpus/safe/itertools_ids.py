"""Ids from a lock-protected counter."""
import itertools
import threading

_ids = itertools.count(1)
_ids_lock = threading.Lock()


def next_id():
    with _ids_lock:
        return next(_ids)
