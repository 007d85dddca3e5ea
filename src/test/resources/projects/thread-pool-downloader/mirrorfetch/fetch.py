from concurrent.futures import ThreadPoolExecutor

import requests


def download(url: str) -> int:
    with requests.get(url, timeout=30, stream=True) as r:
        r.raise_for_status()
        return sum(len(chunk) for chunk in r.iter_content(1 << 16))


def download_all(urls: list[str]) -> dict[str, int]:
    with ThreadPoolExecutor(max_workers=16) as pool:
        return dict(zip(urls, pool.map(download, urls)))
