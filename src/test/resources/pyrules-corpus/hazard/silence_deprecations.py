"""Calls a legacy API without its deprecation noise."""
import warnings


def legacy_call(api, *args):
    with warnings.catch_warnings():  # expect: FT104
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return api(*args)
