"""Per-request state in a context variable."""
import contextvars

_request_id = contextvars.ContextVar("request_id", default=None)
_depth = contextvars.ContextVar("depth", default=0)


def enter(request_id):
    _request_id.set(request_id)
    _depth.set(_depth.get() + 1)
