"""tally: count words in many files with a thread pool."""

from .core import count_files, stats

__all__ = ["count_files", "stats"]
