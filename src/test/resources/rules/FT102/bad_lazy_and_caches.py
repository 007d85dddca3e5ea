"""Caches and singletons filled on first use, without a lock."""

_cache = {}
_instance = None
_client = None
_seen = set()


class Registry:
    _default = None

    @classmethod
    def default(cls):
        if cls._default is None:
            cls._default = cls()  # expect: FT102
        return cls._default


def get_instance():
    global _instance
    if _instance is None:
        _instance = object()  # expect: FT102
    return _instance


def get_client(factory):
    global _client
    _client = _client or factory()  # expect: FT102
    return _client


def lookup(key, compute):
    if key not in _cache:
        _cache[key] = compute(key)  # expect: FT102
    return _cache[key]


def lookup_early(key, compute):
    if key in _cache:
        return _cache[key]
    value = compute(key)
    _cache[key] = value  # expect: FT102
    return value


def lookup_eafp(key, compute):
    try:
        return _cache[key]
    except KeyError:
        _cache[key] = value = compute(key)  # expect: FT102
        return value


def forget(key):
    if key in _cache:
        del _cache[key]  # expect: FT102


def first_time(item):
    if item not in _seen:
        _seen.add(item)  # expect: FT102
        return True
    return False


def bucket(key):
    value = _cache.get(key)
    if value is None:
        value = _cache[key] = []  # expect: FT102
    return value
