TIMEOUT = 10
RETRIES = 3


def fetch():
    return 0


def get():
    return fetch()
