"""Statistics over map tiles."""

from .pipeline import fetch_all, summarise

__all__ = ["fetch_all", "summarise"]
