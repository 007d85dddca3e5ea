"""Workers take items from a queue."""
import queue
import threading

_jobs = queue.Queue()


def worker(results):
    while True:
        item = _jobs.get()
        if item is None:
            break
        results.append(item * 2)


def run(items, n=4):
    results = []
    threads = [threading.Thread(target=worker, args=(results,)) for _ in range(n)]
    for t in threads:
        t.start()
    for item in items:
        _jobs.put(item)
    for _ in threads:
        _jobs.put(None)
    for t in threads:
        t.join()
    return results
