"""In-flight requests counted under a condition variable."""
import threading

_cond = threading.Condition()
_in_flight = 0


def begin():
    global _in_flight
    with _cond:
        _in_flight += 1


def end():
    global _in_flight
    with _cond:
        _in_flight -= 1
        _cond.notify_all()
