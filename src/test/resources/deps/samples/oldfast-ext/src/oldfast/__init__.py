from ._native import checksum

__all__ = ["checksum"]
