from ._core import fast

__all__ = ["fast"]
