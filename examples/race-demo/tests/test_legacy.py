import importlib
import warnings

import pytest


def test_legacy_extension_imports_cleanly():
    pytest.importorskip("importlib.util")
    if importlib.util.find_spec("_legacy") is None:
        pytest.skip("native/_legacy is not built")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        module = importlib.import_module("_legacy")
    assert module.__doc__ == "A legacy extension."
