"""Remembers which URLs were already crawled."""

_visited = []


def should_visit(url):
    if url in _visited:
        return False
    _visited.append(url)  # expect: FT102
    return True
