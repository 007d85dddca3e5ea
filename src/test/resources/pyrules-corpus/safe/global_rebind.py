"""Flags replaced in one step (plain rebinding, no read-modify-write)."""

_debug = False
_level = "info"


def set_debug(flag):
    global _debug
    _debug = bool(flag)


def set_level(level):
    global _level
    _level = level.lower()
