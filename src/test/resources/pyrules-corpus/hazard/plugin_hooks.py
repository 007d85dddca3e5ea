"""Plugins register hooks at run time; events call every hook."""

_hooks = {}


def register(event, fn):
    _hooks.setdefault(event, []).append(fn)


def fire(event, payload):
    for fn in _hooks.get(event, []):
        fn(payload)
    for name, fns in _hooks.items():  # expect: FT103
        print(name, len(fns))
