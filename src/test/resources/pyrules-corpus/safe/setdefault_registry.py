"""Handlers grouped by event with setdefault."""

_handlers = {}


def on(event, fn):
    _handlers.setdefault(event, []).append(fn)
    return fn


def unregister(event):
    _handlers.pop(event, None)
