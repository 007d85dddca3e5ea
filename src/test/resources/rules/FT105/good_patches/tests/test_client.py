from unittest import mock

import pytest

import client


class Fake:
    value = 1


def test_own_object(monkeypatch):
    fake = Fake()
    monkeypatch.setattr(fake, "value", 2)
    assert fake.value == 2


def test_mock_instance():
    conn = mock.Mock()
    with mock.patch.object(conn, "close"):
        conn.close()


@pytest.mark.thread_unsafe
def test_marked(monkeypatch):
    monkeypatch.setenv("CLIENT_URL", "http://localhost")


def test_dependency_injection():
    assert client.get(fetch=lambda: 3) == 3
