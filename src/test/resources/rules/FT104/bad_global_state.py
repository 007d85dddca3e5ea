"""Helpers that change process-wide settings while other threads run."""
import contextlib
import decimal
import io
import locale
import os
import signal
import sys
import warnings


def run_tool(path):
    os.environ["TOOL_HOME"] = path  # expect: FT104
    os.chdir(path)  # expect: FT104


def quiet(fn):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):  # expect: FT104
        fn()
    return buf.getvalue()


def capture():
    old = sys.stdout
    sys.stdout = io.StringIO()  # expect: FT104
    try:
        return old
    finally:
        sys.stdout = old  # expect: FT104


def money(x):
    decimal.getcontext().prec = 6  # expect: FT104
    return decimal.Decimal(x) / 3


def strict_money():
    ctx = decimal.getcontext()
    ctx.traps[decimal.Inexact] = True  # expect: FT104


def german():
    locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")  # expect: FT104


def deep():
    sys.setrecursionlimit(10000)  # expect: FT104


def on_term(handler):
    signal.signal(signal.SIGTERM, handler)  # expect: FT104


def noisy(fn):
    with warnings.catch_warnings():  # expect: FT104
        warnings.simplefilter("ignore")
        return fn()


def forget_proxy():
    os.environ.pop("HTTP_PROXY", None)  # expect: FT104
    del os.environ["HTTPS_PROXY"]  # expect: FT104
