"""Compiled templates cached by name."""
import string

_compiled = {}


def get_template(text):
    if text not in _compiled:
        _compiled[text] = string.Template(text)  # expect: FT102
    return _compiled[text]
