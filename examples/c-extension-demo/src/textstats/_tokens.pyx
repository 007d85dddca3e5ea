# cython: language_level=3, freethreading_compatible=True
"""Tokenising helpers; they keep no shared state, so they are safe without the GIL."""


def split_words(str text):
    return [w.lower() for w in text.split()]
