"""One lock per resource name, made on demand."""
import threading

_locks = {}


def lock_for(name):
    try:
        return _locks[name]
    except KeyError:
        _locks[name] = lock = threading.Lock()  # expect: FT102
        return lock
