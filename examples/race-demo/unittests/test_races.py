import importlib
import importlib.util
import os
import sys
import threading
import unittest
import warnings

from racedemo.bank import Account, transfer
from racedemo.cache import Memo
from racedemo.counter import Counter
from racedemo.native import use_buffer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "native"))

COUNTER = Counter()
SHARED = Memo(lambda key: key * 2)
A = Account(100)
B = Account(100)
_turn = iter(range(1_000_000))
_turn_lock = threading.Lock()


class CounterTest(unittest.TestCase):
    def test_increment_counts_every_call(self):
        for _ in range(200):
            COUNTER.increment()
        self.assertEqual(COUNTER.value, COUNTER.calls)


class CacheTest(unittest.TestCase):
    def test_compute_once_per_key(self):
        key = len(SHARED.values)
        before = SHARED.computed
        self.assertEqual(SHARED.get(key), key * 2)
        self.assertEqual(SHARED.computed, before + 1)

    def setUp(self):
        # Each thread gets its own TestCase instance, so this is per thread.
        self.fresh = Memo(lambda key: key * 3)

    def test_cache_with_own_instance(self):
        for key in range(20):
            self.assertEqual(self.fresh.get(key), key * 3)
        self.assertEqual(self.fresh.computed, 20)


class TransferTest(unittest.TestCase):
    def test_transfer_both_ways(self):
        with _turn_lock:
            mine = next(_turn)
        if mine % 2:
            transfer(A, B, 1)
        else:
            transfer(B, A, 1)
        self.assertEqual(A.balance + B.balance, 200)


class EnvironmentTest(unittest.TestCase):
    __ftscout_thread_unsafe__ = "changes os.environ"

    def test_reads_environment(self):
        os.environ["RACEDEMO_MODE"] = "test"
        self.assertEqual(os.environ["RACEDEMO_MODE"], "test")
        del os.environ["RACEDEMO_MODE"]


class NativeTest(unittest.TestCase):
    def test_native_buffer(self):
        self.assertEqual(use_buffer(), b"ok")


class LegacyTest(unittest.TestCase):
    def test_legacy_extension_imports_cleanly(self):
        if importlib.util.find_spec("_legacy") is None:
            self.skipTest("native/_legacy is not built")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            module = importlib.import_module("_legacy")
        self.assertEqual(module.__doc__, "A legacy extension.")
