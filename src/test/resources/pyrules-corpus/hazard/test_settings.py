import pytest

import settings


@pytest.mark.parallel_threads(4)
def test_debug_flag(monkeypatch):
    monkeypatch.setattr(settings, "DEBUG", True)  # expect: FT105
    assert settings.DEBUG


def test_home(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))  # expect: FT105
    monkeypatch.chdir(tmp_path)  # expect: FT105
