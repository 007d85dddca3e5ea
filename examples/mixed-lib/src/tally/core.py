"""Counts words in files on a thread pool, keeping totals in module state."""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

from . import _speed

_files_done = 0
_word_totals = {}
_stopwords = None
_lock = threading.Lock()
_errors = []


def _load_stopwords():
    global _stopwords
    if _stopwords is None:
        _stopwords = frozenset(os.environ.get("TALLY_STOPWORDS", "a an the").split())
    return _stopwords


def _count_one(path):
    global _files_done
    stop = _load_stopwords()
    with open(path, encoding="utf-8") as f:
        for word in _speed.words(f.read()):
            if word not in stop:
                _word_totals[word] = _word_totals.get(word, 0) + 1
    _files_done += 1
    with _lock:
        _errors.clear()


def count_files(paths, workers=4):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_count_one, paths))
    return dict(_word_totals)


def stats():
    # A snapshot under the lock: the workers only append under it too.
    with _lock:
        errors = list(_errors)
    return {"files": _files_done, "errors": errors}


def skip(path):
    global _files_done
    # Only the command-line front end calls this, before the pool starts.
    _files_done += 1  # ftscout: ignore[FT101]
    return path


def reset():
    global _files_done
    _files_done = 0  # plain rebinding: not a read-modify-write
