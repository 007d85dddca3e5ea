_hits = 0


def hit():
    global _hits
    _hits += 1  # expect: FT101


def hit_from_cli():
    global _hits
    _hits = _hits + 1  # expect: FT101
