"""Sessions looked up by token, created on first sight."""

_sessions = {}


def session_for(token):
    session = _sessions.get(token)
    if session is None:
        session = {"token": token}
        _sessions[token] = session  # expect: FT102
    return session
