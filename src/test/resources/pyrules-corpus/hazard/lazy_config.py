"""Configuration read from disk once."""
import json

_config = None


def config(path="app.json"):
    global _config
    if not _config:
        with open(path, encoding="utf-8") as f:
            _config = json.load(f)  # expect: FT102
    return _config
