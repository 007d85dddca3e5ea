"""Listeners and sessions kept in module state; iterators handed to several threads."""
import threading
from concurrent.futures import ThreadPoolExecutor

_listeners = []
_sessions = {}


def subscribe(callback):
    _listeners.append(callback)


def publish(event):
    for callback in _listeners:  # expect: FT103
        callback(event)


def open_session(key, session):
    _sessions[key] = session


def close_all():
    for key, session in _sessions.items():  # expect: FT103
        session.close()
    return [k for k in _sessions]  # expect: FT103


def work(items):
    for item in items:
        print(item)


def crunch(rows):
    it = iter(rows)
    threads = []
    for _ in range(4):
        t = threading.Thread(target=work, args=(it,))  # expect: FT103
        threads.append(t)
        t.start()
    for t in threads:
        t.join()


def squares(n):
    for i in range(n):
        yield i * i


def fan_out(n):
    gen = squares(n)
    with ThreadPoolExecutor() as pool:
        return list(pool.map(lambda _: next(gen), range(n)))  # expect: FT103


_ids = (i for i in range(1_000_000))


def next_id():
    return next(_ids)  # expect: FT103
