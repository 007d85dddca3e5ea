"""High-precision interest computation."""
from decimal import Decimal, getcontext


def compound(principal, rate, years):
    getcontext().prec = 50  # expect: FT104
    return Decimal(principal) * (1 + Decimal(rate)) ** years
