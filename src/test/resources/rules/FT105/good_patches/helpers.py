"""Not a test module: patching here is the caller's business."""
from unittest import mock


def stub_network():
    return mock.patch("socket.socket")
