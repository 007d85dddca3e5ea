import threading
import time


class Counter:
    """Counts calls. Not thread-safe: increment() is a read-modify-write of value.

    calls is kept under a lock, as a witness: when value falls behind it, updates were lost.
    """

    def __init__(self):
        self.value = 0
        self.calls = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            self.calls += 1
        current = self.value
        # A deliberate yield between the read and the write lets another thread in.
        time.sleep(0.0001)
        self.value = current + 1
