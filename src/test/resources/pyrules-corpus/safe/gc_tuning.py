"""Tunes the collector for a batch job (library code, not a test)."""
import gc


def tune_for_batch():
    gc.set_threshold(50_000, 20, 20)
    gc.freeze()
