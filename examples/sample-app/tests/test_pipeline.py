import threading

from tilestats import pipeline


def test_cache_is_filled_once(monkeypatch):
    calls = []

    class FakeSession:
        def get(self, url, timeout):
            calls.append(url)

            class Response:
                content = b"\x01\x02\x03"

            return Response()

    monkeypatch.setattr(pipeline, "_session", FakeSession())
    pipeline._tile_cache.clear()
    threads = [threading.Thread(target=pipeline.fetch_tile, args=((1, 2, 3),)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
