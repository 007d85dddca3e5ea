import threading

from racedemo.bank import Account, transfer

A = Account(100)
B = Account(100)
_turn = iter(range(1_000_000))
_turn_lock = threading.Lock()


def test_transfer_both_ways():
    with _turn_lock:
        mine = next(_turn)
    # Alternate directions: harmless one at a time, a deadlock when two run at once.
    if mine % 2:
        transfer(A, B, 1)
    else:
        transfer(B, A, 1)
    assert A.balance + B.balance == 200
