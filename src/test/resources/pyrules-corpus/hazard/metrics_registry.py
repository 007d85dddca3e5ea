"""Prometheus-style counters kept in a module dict."""
from collections import defaultdict

_counters = defaultdict(int)


def inc(name, amount=1):
    _counters[name] += amount  # expect: FT101


def snapshot():
    return dict(_counters)
