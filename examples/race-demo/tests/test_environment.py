import os

import pytest


@pytest.mark.thread_unsafe(reason="changes os.environ")
def test_reads_environment():
    os.environ["RACEDEMO_MODE"] = "test"
    assert os.environ["RACEDEMO_MODE"] == "test"
    del os.environ["RACEDEMO_MODE"]
