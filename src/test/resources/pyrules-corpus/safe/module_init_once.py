"""State filled at import time and only read afterwards."""
import os

_paths = []
for _entry in os.environ.get("APP_PATH", "").split(os.pathsep):
    if _entry and _entry not in _paths:
        _paths.append(_entry)

_count = 0
_count += len(_paths)


def search(name):
    for p in _paths:
        candidate = os.path.join(p, name)
        if os.path.exists(candidate):
            return candidate
    return None
