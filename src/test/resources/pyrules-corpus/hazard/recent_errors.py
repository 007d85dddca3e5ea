"""Keeps the last errors for a status page."""

_recent = []
LIMIT = 50


def remember(exc):
    if len(_recent) >= LIMIT:
        _recent.pop(0)  # expect: FT101
    _recent.append(repr(exc))
