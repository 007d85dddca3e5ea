"""Workers pull tasks from one generator."""
from concurrent.futures import ThreadPoolExecutor


def tasks(n):
    for i in range(n):
        yield {"id": i}


def run(n):
    source = tasks(n)
    with ThreadPoolExecutor(max_workers=8) as ex:
        first = ex.submit(next, source)  # expect: FT103
        second = ex.submit(next, source)  # expect: FT103
        return first.result(), second.result()
