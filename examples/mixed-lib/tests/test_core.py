import sys
from unittest import mock

from tally import core


def test_counts(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("the cat and the hat")
    with mock.patch.object(core, "_stopwords", frozenset({"the"})):
        assert core.count_files([p])["cat"] == 1


def test_no_leak():
    words = core.count_files([])
    assert sys.getrefcount(words) == 2
