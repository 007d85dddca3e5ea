"""Callbacks removed by id."""

_callbacks = {}


def add(cb_id, cb):
    _callbacks[cb_id] = cb


def remove(cb_id):
    if cb_id in _callbacks:
        del _callbacks[cb_id]  # expect: FT102
