"""A process-wide database connection created on first use."""
import sqlite3

_conn = None


def connection():
    global _conn
    if _conn is None:
        _conn = sqlite3.connect(":memory:", check_same_thread=False)  # expect: FT102
    return _conn
