from unittest import mock


class Service:
    def __init__(self):
        self.client = None

    def call(self):
        return self.client.get()


def test_service_calls_client():
    service = Service()
    service.client = mock.Mock()
    service.client.get.return_value = 3
    assert service.call() == 3


def test_patch_instance(monkeypatch):
    service = Service()
    monkeypatch.setattr(service, "client", mock.Mock())
    assert service.client is not None
