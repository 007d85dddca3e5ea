"""Latency histogram with fixed buckets."""

BUCKETS = (0.01, 0.1, 1.0, 10.0)
_counts = [0] * (len(BUCKETS) + 1)


def observe(seconds):
    for i, bound in enumerate(BUCKETS):
        if seconds <= bound:
            _counts[i] += 1  # expect: FT101
            return
    _counts[-1] += 1  # expect: FT101
