"""A lazily created engine, double-checked under a lock."""
import threading

_engine = None
_engine_lock = threading.RLock()


def engine():
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = object()
    return _engine
