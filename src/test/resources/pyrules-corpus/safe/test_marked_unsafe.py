import pytest

import settings

pytestmark = pytest.mark.thread_unsafe


def test_debug(monkeypatch):
    monkeypatch.setattr(settings, "DEBUG", True)
    assert settings.DEBUG
