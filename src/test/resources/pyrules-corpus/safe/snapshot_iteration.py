"""Observers notified from a snapshot."""

_observers = []


def attach(obs):
    _observers.append(obs)


def notify(event):
    for obs in list(_observers):
        obs(event)
    for obs in tuple(_observers):
        obs.flush()
