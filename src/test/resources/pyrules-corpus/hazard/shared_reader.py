"""Parses a big CSV with several threads reading one file iterator."""
import csv
import threading


def parse_rows(reader, out):
    for row in reader:
        out.append(row)


def parse(path):
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = iter(csv.reader(f))
        threads = [
            threading.Thread(target=parse_rows, args=(reader, out))  # expect: FT103
            for _ in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return out
