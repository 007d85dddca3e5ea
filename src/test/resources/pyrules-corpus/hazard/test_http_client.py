import unittest
from unittest import mock

import http_client


class ClientTest(unittest.TestCase):
    @mock.patch("http_client.requests.get")  # expect: FT105
    def test_get(self, get):
        get.return_value.status_code = 200
        self.assertTrue(http_client.ok("http://x"))

    def test_timeout(self):
        with mock.patch.object(http_client, "TIMEOUT", 0.1):  # expect: FT105
            self.assertEqual(http_client.TIMEOUT, 0.1)
