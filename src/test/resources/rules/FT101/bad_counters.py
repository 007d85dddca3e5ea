"""Request statistics kept in module and class state, updated from request handlers."""

_requests = 0
_totals = {}
_history = []
MAX_HISTORY = 100


class Stats:
    created = 0
    hits = {}

    def __init__(self):
        Stats.created += 1  # expect: FT101

    @classmethod
    def bump(cls):
        cls.created = cls.created + 1  # expect: FT101

    def record(self, key):
        self.hits[key] = self.hits.get(key, 0) + 1  # expect: FT101

    def close(self):
        type(self).created -= 1  # expect: FT101


def handle(request):
    global _requests
    _requests += 1  # expect: FT101
    _totals[request.path] = _totals.get(request.path, 0) + 1  # expect: FT101
    if len(_history) < MAX_HISTORY:
        _history.append(request)  # expect: FT101
    return _requests
