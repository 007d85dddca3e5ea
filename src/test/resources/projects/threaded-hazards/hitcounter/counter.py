import threading

hits = 0
seen = {}


def record(path: str) -> None:
    global hits
    hits += 1
    if path not in seen:
        seen[path] = 0
    seen[path] += 1


def replay(paths: list[str]) -> None:
    workers = [threading.Thread(target=record, args=(p,)) for p in paths]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
