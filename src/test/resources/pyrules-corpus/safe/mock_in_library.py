"""A fake transport that test users can import (not itself a test)."""
from unittest import mock


def fake_transport():
    transport = mock.MagicMock()
    transport.send.return_value = b"ok"
    return transport
