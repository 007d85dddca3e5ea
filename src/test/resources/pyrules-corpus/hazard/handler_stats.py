"""A threading HTTP server that counts requests per path."""
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_hits = {}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        _hits[self.path] = _hits.get(self.path, 0) + 1  # expect: FT101
        self.send_response(200)
        self.end_headers()


def serve(port):
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
