"""Totals bytes sent by the upload threads."""
import threading


class Uploader(threading.Thread):
    total_bytes = 0

    def __init__(self, chunks):
        super().__init__()
        self.chunks = chunks

    def run(self):
        for chunk in self.chunks:
            Uploader.total_bytes += len(chunk)  # expect: FT101
