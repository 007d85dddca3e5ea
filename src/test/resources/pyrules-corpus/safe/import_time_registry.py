"""Codecs registered by decorators when the module is imported."""

_codecs = {}


def codec(name):
    def register(cls):
        _codecs[name] = cls
        return cls

    return register


@codec("json")
class JsonCodec:
    pass


def available():
    return sorted(name for name in _codecs)


def describe():
    for name, cls in _codecs.items():
        print(name, cls.__name__)
