"""Read-only lookup tables built at import time."""

STATUS = {200: "OK", 404: "Not Found"}
_ALIASES = {}
for _code, _name in STATUS.items():
    _ALIASES[_name.lower()] = _code


def status_name(code):
    if code in STATUS:
        return STATUS[code]
    return "Unknown"


def code_for(name):
    for alias, code in _ALIASES.items():
        if alias == name.lower():
            return code
    return None
