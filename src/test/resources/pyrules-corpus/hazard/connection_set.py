"""Open websocket connections, broadcast to all."""

_connections = set()


def connect(ws):
    _connections.add(ws)


def disconnect(ws):
    _connections.discard(ws)


def broadcast(message):
    for ws in _connections:  # expect: FT103
        ws.send(message)
