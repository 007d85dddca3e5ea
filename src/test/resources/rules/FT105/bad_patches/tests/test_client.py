import os
from unittest import mock
from unittest.mock import patch

import client


@patch("client.fetch")  # expect: FT105
def test_fetch_patched(fetch):
    fetch.return_value = 1
    assert client.get() == 1


def test_patch_object():
    with mock.patch.object(client, "TIMEOUT", 1):  # expect: FT105
        assert client.TIMEOUT == 1


def test_env(monkeypatch):
    monkeypatch.setenv("CLIENT_URL", "http://localhost")  # expect: FT105
    monkeypatch.setattr(client, "RETRIES", 0)  # expect: FT105
    monkeypatch.setattr("client.fetch", lambda: 2)  # expect: FT105


def test_environ_dict():
    with patch.dict(os.environ, {"A": "1"}):  # expect: FT105
        assert os.environ["A"] == "1"
