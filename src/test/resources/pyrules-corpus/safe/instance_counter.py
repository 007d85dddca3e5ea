"""A counter object each worker owns."""


class Counter:
    def __init__(self):
        self.value = 0
        self.by_key = {}

    def add(self, key):
        self.value += 1
        self.by_key[key] = self.by_key.get(key, 0) + 1
