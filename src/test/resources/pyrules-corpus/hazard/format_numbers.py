"""Formats numbers the way a user's locale does."""
import locale


def format_for(loc, value):
    locale.setlocale(locale.LC_NUMERIC, loc)  # expect: FT104
    return locale.format_string("%.2f", value, grouping=True)
