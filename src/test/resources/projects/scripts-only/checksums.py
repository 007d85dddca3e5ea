"""Checksums of every file under a folder, four files at a time."""

import hashlib
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

_lock = threading.Lock()
_done = 0


def checksum(path: Path) -> tuple[str, str]:
    global _done
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with _lock:
        _done += 1
    return str(path), digest


def main(root: str) -> None:
    files = [p for p in Path(root).rglob("*") if p.is_file()]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for name, digest in pool.map(checksum, files):
            print(digest, name)
    print(f"{_done} files", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
