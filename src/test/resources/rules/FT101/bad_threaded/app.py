import threading

from counters import hit


def serve():
    hit()


def start():
    threads = [threading.Thread(target=serve) for _ in range(4)]
    for t in threads:
        t.start()
