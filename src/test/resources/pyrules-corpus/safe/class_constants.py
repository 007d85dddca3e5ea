"""Class-level constants read by instances."""


class Retry:
    DELAYS = (0.1, 0.5, 1.0)
    codes = frozenset({502, 503})

    def delays(self):
        for d in self.DELAYS:
            yield d

    def retryable(self, code):
        return code in self.codes
