"""Captures what a command prints."""
import io
from contextlib import redirect_stdout


def captured(fn, *args):
    buf = io.StringIO()
    with redirect_stdout(buf):  # expect: FT104
        fn(*args)
    return buf.getvalue()
