"""Word frequencies accumulated by a pool of readers."""
from concurrent.futures import ThreadPoolExecutor

_freq = {}


def read(path):
    with open(path, encoding="utf-8") as f:
        for word in f.read().split():
            _freq[word] = _freq.get(word, 0) + 1  # expect: FT101


def run(paths):
    with ThreadPoolExecutor() as pool:
        pool.map(read, paths)
    return _freq
