import threading
import time


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()


def transfer(source, target, amount):
    """Moves money holding both accounts' locks: source's first. Two opposite transfers deadlock."""
    with source.lock:
        time.sleep(0.01)
        with target.lock:
            source.balance -= amount
            target.balance += amount
