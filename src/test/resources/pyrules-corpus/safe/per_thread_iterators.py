"""Each worker gets its own slice iterator."""
import threading


def work(rows, out):
    for row in rows:
        out.append(row)


def run(rows, n=4):
    out = []
    threads = []
    for i in range(n):
        part = iter(rows[i::n])
        threads.append(threading.Thread(target=work, args=(part, out)))
    for t in threads:
        t.start()
    return out
