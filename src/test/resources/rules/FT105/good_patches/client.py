def fetch():
    return 0


def get(fetch=fetch):
    return fetch()
