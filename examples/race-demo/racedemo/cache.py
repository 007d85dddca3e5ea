import time


class Memo:
    """Computes each key once. Not thread-safe: check-then-act."""

    def __init__(self, compute):
        self.compute = compute
        self.values = {}
        self.computed = 0

    def get(self, key):
        if key not in self.values:
            time.sleep(0.0001)
            self.computed += 1
            self.values[key] = self.compute(key)
        return self.values[key]
