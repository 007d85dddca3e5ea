"""A small library with the races the GIL used to hide."""
