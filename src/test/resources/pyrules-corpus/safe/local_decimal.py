"""Precision set for one computation only."""
import decimal


def share(total, parts):
    with decimal.localcontext(prec=10) as ctx:
        ctx.rounding = decimal.ROUND_HALF_EVEN
        return decimal.Decimal(total) / parts
