"""A shared client built once by functools.cache."""
import functools


@functools.cache
def client():
    return object()


@functools.lru_cache(maxsize=128)
def parse(text):
    return text.split()
