"""Snapshots, locks, registries filled at import time, and one iterator per thread."""
import threading

_listeners = []
_lock = threading.Lock()
_ROUTES = {"a": 1}
_registry = {}


def register(name):
    def deco(fn):
        _registry[name] = fn
        return fn

    return deco


@register("hello")
def hello():
    return "hello"


def handlers():
    return [fn for fn in _registry.values()]


def subscribe(callback):
    with _lock:
        _listeners.append(callback)


def publish(event):
    with _lock:
        snapshot = list(_listeners)
    for callback in snapshot:
        callback(event)


def publish_copy(event):
    for callback in list(_listeners):
        callback(event)


def routes():
    for name in _ROUTES:
        print(name)


def crunch(rows):
    threads = []
    for chunk in (rows[0::2], rows[1::2]):
        t = threading.Thread(target=print, args=(iter(chunk),))
        threads.append(t)
        t.start()


def one_worker(rows):
    it = iter(rows)
    t = threading.Thread(target=print, args=(it,))
    t.start()
    t.join()
