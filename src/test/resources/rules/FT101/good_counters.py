"""The same statistics, guarded or kept per thread; and look-alikes that share nothing."""
import collections
import threading

_lock = threading.Lock()
_requests = 0
_totals = {}
_local = threading.local()
_recent = collections.deque(maxlen=100)

_count = 0
for _name in ("a", "b"):
    _count += 1  # import time: one thread


class Stats:
    def __init__(self):
        self.created = 0
        self.hits = {}

    def record(self, key):
        self.created += 1
        self.hits[key] = self.hits.get(key, 0) + 1


def handle(request):
    global _requests
    with _lock:
        _requests += 1
        _totals[request.path] = _totals.get(request.path, 0) + 1
    _recent.append(request)


def per_thread():
    _local.count = getattr(_local, "count", 0) + 1


def local_total(items):
    total = 0
    for item in items:
        total += item
    return total


def acquire_style(key):
    _lock.acquire()
    try:
        _totals[key] = _totals.get(key, 0) + 1
    finally:
        _lock.release()


def bounded(item, history):
    if len(history) < 10:
        history.append(item)
