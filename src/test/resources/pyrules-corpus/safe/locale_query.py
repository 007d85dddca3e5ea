"""Reads the current locale without changing it."""
import locale


def current():
    return locale.setlocale(locale.LC_ALL)


def encoding():
    return locale.getpreferredencoding(False)
