"""Memoisation inside one call."""


def fib_all(ns):
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]

    return [fib(n) for n in ns]
