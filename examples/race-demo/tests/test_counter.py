from racedemo.counter import Counter

COUNTER = Counter()


def test_increment_counts_every_call():
    for _ in range(200):
        COUNTER.increment()
    # True unless another thread's update was lost (or is half done).
    assert COUNTER.value == COUNTER.calls
