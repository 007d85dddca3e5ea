from racedemo.native import use_buffer


def test_native_buffer():
    assert use_buffer() == b"ok"
