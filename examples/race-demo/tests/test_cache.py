import pytest

from racedemo.cache import Memo

SHARED = Memo(lambda key: key * 2)


def test_compute_once_per_key():
    key = len(SHARED.values)
    before = SHARED.computed
    assert SHARED.get(key) == key * 2
    assert SHARED.computed == before + 1


@pytest.fixture
def fresh_cache():
    return Memo(lambda key: key * 3)


def test_cache_with_own_instance(fresh_cache):
    for key in range(20):
        assert fresh_cache.get(key) == key * 3
    assert fresh_cache.computed == 20
